using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Tenancy.Hosts.Tests.Support;
using Tenancy.TestSupport;

namespace Tenancy.Hosts.Tests.Functions;

/// <summary>
/// Issue 17 on the Functions host: an agent's sensitive request is checked against the raw request the function
/// receives (method, URL, headers, body), as on the local host: signed, it passes; unsigned, it is 403
/// signature-required with the same reason, and changes nothing.
/// </summary>
[Collection(FunctionsHostCollection.Name)]
public class SignedRequestTests(FunctionsHostFixture functions)
{
    private sealed record Admin(HttpClient Owner, string Key, ECDsa SigningKey, string SigningKeyId);

    /// <summary>An administrator with an approved signing key, set up through the local host (the storage is the same).</summary>
    private async Task<Admin> AdminWithApprovedKeyAsync()
    {
        var owner = await functions.Local.ClientForNewAccountAsync();
        var created = await ReadAsync(await owner.PostAsJsonAsync("api/agents", new { name = "Ada", email = "ada@msp.example", role = "administrator" }), HttpStatusCode.Created);
        var (agentId, key) = ((string)created["id"]!, (string)created["apiKey"]!);
        var signingKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var agent = functions.Local.AnonymousClient();
        agent.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        var registered = await ReadAsync(await agent.PostAsJsonAsync($"api/agents/{agentId}/signing-keys",
            new { name = "Ada's laptop", publicKey = SigningHandler.PublicJwk(signingKey) }), HttpStatusCode.Created);
        await ReadAsync(await owner.PostAsync($"api/signing-keys/{registered["id"]}/approve", null), HttpStatusCode.OK);
        return new Admin(owner, key, signingKey, (string)registered["id"]!);
    }

    private HttpClient FunctionsClient(string apiKey, HttpMessageHandler handler)
    {
        var client = new HttpClient(handler) { BaseAddress = FunctionInvoker.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        return client;
    }

    [Fact]
    public async Task A_signed_sensitive_request_passes_and_an_unsigned_one_is_refused_as_on_the_local_host()
    {
        var admin = await AdminWithApprovedKeyAsync();
        var invoker = new FunctionInvokerHandler(new FunctionInvoker(functions.Services));
        var signed = FunctionsClient(admin.Key, new SigningHandler(admin.SigningKey, admin.SigningKeyId, invoker));
        var unsigned = FunctionsClient(admin.Key, invoker);
        var unsignedLocal = functions.Local.AnonymousClient();
        unsignedLocal.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", admin.Key);

        var created = await ReadAsync(await signed.PostAsJsonAsync("api/agent-groups", new { name = "Night", agentIds = Array.Empty<string>() }), HttpStatusCode.Created);
        var refused = await ReadAsync(await unsigned.PostAsJsonAsync("api/agent-groups", new { name = "Day", agentIds = Array.Empty<string>() }), HttpStatusCode.Forbidden);
        var refusedLocally = await ReadAsync(await unsignedLocal.PostAsJsonAsync("api/agent-groups", new { name = "Day", agentIds = Array.Empty<string>() }), HttpStatusCode.Forbidden);

        Assert.Equal("Night", (string?)created["name"]);
        Assert.Equal("urn:tenancy:problem:signature-required", (string?)refused["type"]);
        Assert.Equal((string?)refusedLocally["detail"], (string?)refused["detail"]);
        var groups = await ReadAsync(await admin.Owner.GetAsync("api/agent-groups"), HttpStatusCode.OK);
        Assert.Equal(["Night"], groups["items"]!.AsArray().Select(g => (string)g!["name"]!));
    }

    [Fact]
    public async Task A_signed_request_whose_body_changed_on_the_way_is_refused()
    {
        var admin = await AdminWithApprovedKeyAsync();
        var tampering = new BodyReplacingHandler(new FunctionInvokerHandler(new FunctionInvoker(functions.Services)), """{"name":"Evil","agentIds":[]}""");
        var signed = FunctionsClient(admin.Key, new SigningHandler(admin.SigningKey, admin.SigningKeyId, tampering));

        var refused = await ReadAsync(await signed.PostAsJsonAsync("api/agent-groups", new { name = "Night", agentIds = Array.Empty<string>() }), HttpStatusCode.Forbidden);

        Assert.Equal("urn:tenancy:problem:signature-required", (string?)refused["type"]);
        Assert.Empty((await ReadAsync(await admin.Owner.GetAsync("api/agent-groups"), HttpStatusCode.OK))["items"]!.AsArray());
    }

    /// <summary>Replaces a request's body after it was signed, headers kept: what a tampering proxy would do.</summary>
    private sealed class BodyReplacingHandler(HttpMessageHandler inner, string body) : DelegatingHandler(inner)
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
            return base.SendAsync(request, cancellationToken);
        }
    }

    private static async Task<JsonObject> ReadAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: expected {(int)status}, got {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }
}
