using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Tenancy.TestSupport;

using static Tenancy.Benchmarks.SequentialCalls;

namespace Tenancy.Benchmarks;

/// <summary>
/// Issue 17: what a signature costs. The same sensitive request (create a device group) by the account key and by an
/// administrator signing with an approved key; and, to tell the signature from the agent, the same non-sensitive
/// write (register a device) by both. The signed request adds: reading the body, parsing and verifying the signature
/// (ECDsa P-256), one point read of the key and one insert of its nonce.
/// </summary>
public static class SignatureBenchmark
{
    public static async Task RunAsync(int count)
    {
        await using var host = await BenchmarkHost.StartAsync();
        await host.App.StartAsync();
        var (_, owner) = await host.AccountAsync();

        var admin = await Read(await owner.PostAsync("api/agents", JsonBody("""{"name":"Ada","email":"ada@msp.example","role":"administrator"}""")));
        var adminKey = (string)admin["apiKey"]!;
        var plain = new HttpClient { BaseAddress = host.BaseAddress };
        plain.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", adminKey);
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var registered = await Read(await plain.PostAsync($"api/agents/{admin["id"]}/signing-keys",
            JsonBody(JsonSerializer.Serialize(new { name = "Bench", publicKey = SigningHandler.PublicJwk(key) }))));
        (await owner.PostAsync($"api/signing-keys/{registered["id"]}/approve", null)).EnsureSuccessStatusCode();
        var signed = new HttpClient(new SigningHandler(key, (string)registered["id"]!, new HttpClientHandler())) { BaseAddress = host.BaseAddress };
        signed.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", adminKey);

        Console.WriteLine($"Signed requests, {count} sequential calls each (ms): account key against an administrator signing its requests");
        Console.WriteLine($"{"request",-36} {"key p50",8} {"key p95",8} {"signed p50",11} {"signed p95",11} {"p50 ratio",10} {"p95 ratio",10}");
        foreach (var (name, path, body, sensitive) in new[]
        {
            ("create a device group (sensitive)", "api/device-groups", """{"name":"Bench group"}""", true),
            ("register a device (not sensitive)", "api/devices", """{"name":"PC"}""", false),
        })
        {
            var byKey = await TimeAsync(count, () => owner.PostAsync(path, JsonBody(body)), warmUp: 10);
            var byAgent = await TimeAsync(count, () => (sensitive ? signed : plain).PostAsync(path, JsonBody(body)), warmUp: 10);
            Console.WriteLine($"{name,-36} {P(byKey, 50),8:F2} {P(byKey, 95),8:F2} {P(byAgent, 50),11:F2} {P(byAgent, 95),11:F2} {P(byAgent, 50) / P(byKey, 50),10:F2} {P(byAgent, 95) / P(byKey, 95),10:F2}");
        }
    }
}
