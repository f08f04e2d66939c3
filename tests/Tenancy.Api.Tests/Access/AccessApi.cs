using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Tenancy.TestSupport;

namespace Tenancy.Api.Tests.Access;

/// <summary>Small helpers for agents and grants over HTTP (R10).</summary>
public static class AccessApi
{
    public static async Task<(string Id, string Key)> CreateAgentAsync(this HttpClient owner, string role, string name = "Agent")
    {
        var response = await owner.PostAsync("api/agents", Http.Json(new { name, email = $"{Guid.NewGuid():N}@msp.example", role }));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.ReadObjectAsync();
        return ((string)body["id"]!, (string)body["apiKey"]!);
    }

    /// <summary>
    /// A client of the agent's key that signs every request with a signing key the agent registered (with its own key)
    /// and the owner approved: what an agent needs for sensitive operations (issue 17).
    /// </summary>
    public static async Task<HttpClient> SigningClientForAsync(this LocalHostFixture host, HttpClient owner, (string Id, string Key) agent)
    {
        var key = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);
        var registered = await host.ClientFor(agent.Key).PostAsync($"api/agents/{agent.Id}/signing-keys",
            Http.Json(new { name = "Test device", publicKey = SigningHandler.PublicJwk(key) }));
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var keyId = (string)(await registered.ReadObjectAsync())["id"]!;
        Assert.Equal(HttpStatusCode.OK, (await owner.PostAsync($"api/signing-keys/{keyId}/approve", null)).StatusCode);
        return host.SigningClient(agent.Key, key, keyId);
    }

    public static HttpClient ClientFor(this LocalHostFixture host, string key)
    {
        var client = host.AnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    public static async Task<string> GrantAsync(this HttpClient owner, object grant)
    {
        var response = await owner.PostAsync("api/access-grants", Http.Json(grant));
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, $"grant: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (string)(await response.ReadObjectAsync())["id"]!;
    }

    public static async Task<string> CreateGroupAsync(this HttpClient owner, string name, string? tenantId = null)
    {
        var response = await owner.PostAsync("api/device-groups", Http.Json(new { name, tenantId }));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (string)(await response.ReadObjectAsync())["id"]!;
    }

    public static async Task<string> CreateDeviceAsync(this HttpClient owner, string name, string? groupId)
    {
        var response = await owner.PostAsync("api/devices", Http.Json(new { name, groupId }));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (string)(await response.ReadObjectAsync())["id"]!;
    }

    public static async Task<JsonObject> GetObjectAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"GET {url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.ReadObjectAsync();
    }

    /// <summary>Every id in a list answer's items.</summary>
    public static async Task<List<string>> IdsAsync(this HttpClient client, string url) =>
        (await client.GetObjectAsync(url))["items"]!.AsArray().Select(i => (string)i!["id"]!).ToList();
}
