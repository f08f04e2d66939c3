using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

using static Tenancy.Benchmarks.SequentialCalls;

namespace Tenancy.Benchmarks;

/// <summary>
/// R10: the same reads by the account key and by a technician with 200 grants (one per tenant), on the same host in the
/// same run, the two keys' calls in turn: GET a tenant, list the devices of a group, list tenants (first page of 50).
/// The technician's request reads the account's access version beside the handler's own read (its agent and reach rows
/// once, on its first request); its tenant list scans the name index, 200 grants being more than it reads one by one.
/// </summary>
public static class AccessBenchmark
{
    public static async Task RunAsync(int count, StoreSetup store, SideBySide figures, int grants = 200)
    {
        await using var host = await BenchmarkHost.StartAsync(store: store);
        await host.App.StartAsync();
        var (_, owner) = await host.AccountAsync();

        var tenants = new List<string>();
        for (var i = 0; i < grants; i++)
            tenants.Add((string)(await Read(await owner.PostAsync("api/tenants", JsonBody($$"""{"name":"Tenant {{i:D3}}","contacts":[{"name":"Ann","email":"ann@t{{i}}.example"},{"name":"Bob"}],"domains":["t{{i}}.example"]}"""))))["id"]!);
        var group = (string)(await Read(await owner.PostAsync("api/device-groups", JsonBody($$"""{"name":"Laptops","tenantId":"{{tenants[0]}}"}"""))))["id"]!;
        for (var d = 0; d < 20; d++)
            (await owner.PostAsync("api/devices", JsonBody($$"""{"name":"PC-{{d}}","groupId":"{{group}}"}"""))).EnsureSuccessStatusCode();
        var agent = await Read(await owner.PostAsync("api/agents", JsonBody("""{"name":"Tess","email":"tess@msp.example","role":"technician"}""")));
        foreach (var tenant in tenants)
            (await owner.PostAsync("api/access-grants", JsonBody($$"""{"agentId":"{{agent["id"]}}","scope":"tenant","tenantId":"{{tenant}}"}"""))).EnsureSuccessStatusCode();
        var technician = new HttpClient { BaseAddress = host.BaseAddress };
        technician.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (string)agent["apiKey"]!);

        Console.WriteLine($"Access, {count} sequential calls each, the two keys in turn (ms): account key against a technician with {grants} tenant grants");
        Console.WriteLine($"{"read",-28} {"key p50",8} {"key p95",8} {"tech p50",9} {"tech p95",9} {"p50 ratio",10} {"p95 ratio",10}");
        foreach (var (name, url) in new[] { ("GET tenant", $"api/tenants/{tenants[0]}"), ("list devices of a group", $"api/devices?groupId={group}"), ("list tenants (50)", "api/tenants") })
        {
            var (key, tech) = await TimeInTurnAsync(count, () => owner.GetAsync(url), () => technician.GetAsync(url));
            Console.WriteLine($"{name,-28} {P(key, 50),8:F2} {P(key, 95),8:F2} {P(tech, 50),9:F2} {P(tech, 95),9:F2} {P(tech, 50) / P(key, 50),10:F2} {P(tech, 95) / P(key, 95),10:F2}");
            figures.Add($"{name}: technician/key p50", store, P(tech, 50) / P(key, 50));
        }
    }
}
