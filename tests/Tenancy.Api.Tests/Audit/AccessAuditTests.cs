using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Tenancy.Api.Tests.Access;
using Tenancy.Core.Accounts;
using Tenancy.TestSupport;

namespace Tenancy.Api.Tests.Audit;

/// <summary>
/// Issue 12: every change of agents, agent groups, grants and signing keys records exactly one entry with its actor,
/// reads record none, and no entry holds an API key, a key hash or a public key's coordinates.
/// </summary>
[Collection(LocalHostCollection.Name)]
public class AccessAuditTests(LocalHostFixture host)
{
    private static async Task<List<JsonObject>> AuditAsync(HttpClient client)
    {
        var entries = new List<JsonObject>();
        string? token = null;
        do
        {
            var page = await (await client.GetAsync("api/audit?pageSize=200" + (token is null ? "" : $"&continuationToken={token}"))).ReadObjectAsync();
            entries.AddRange(page["items"]!.AsArray().Select(e => e!.AsObject()));
            token = (string?)page["continuationToken"];
        } while (token is not null);
        return entries;
    }

    private static async Task<JsonObject> OneEntryAsync(HttpClient owner, Func<Task> write, string action, string targetType, string? targetId = null)
    {
        var before = (await AuditAsync(owner)).Count;
        await write();
        var after = await AuditAsync(owner);
        Assert.True(after.Count == before + 1, $"{action}: expected one new entry, found {after.Count - before}");
        Assert.Equal((action, targetType), ((string)after[0]["action"]!, (string)after[0]["targetType"]!));
        if (targetId is not null) Assert.Equal(targetId, (string)after[0]["targetId"]!);
        return after[0];
    }

    private static async Task NoEntryAsync(HttpClient owner, Func<Task> action)
    {
        var before = (await AuditAsync(owner)).Count;
        await action();
        Assert.Equal(before, (await AuditAsync(owner)).Count);
    }

    private static void By(JsonObject entry, string kind, string id) =>
        Assert.Equal((kind, id), ((string)entry["actor"]!["kind"]!, (string)entry["actor"]!["id"]!));

    private static async Task<HttpResponseMessage> Ok(Task<HttpResponseMessage> call)
    {
        var response = await call;
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return response;
    }

    private static async Task<string> IdOf(Task<HttpResponseMessage> call) => (string)(await (await Ok(call)).ReadObjectAsync())["id"]!;

    /// <summary>No entry holds a secret, nor the hash that would let one be checked.</summary>
    private static async Task NoSecretsAsync(HttpClient owner, IEnumerable<string> secrets)
    {
        var log = string.Join("\n", (await AuditAsync(owner)).Select(e => e.ToJsonString()));
        foreach (var secret in secrets) Assert.DoesNotContain(secret, log);
    }

    [Fact]
    public async Task Agent_group_and_grant_changes_by_the_account_key_record_one_entry_each_and_reads_none()
    {
        var owner = await host.ClientForNewAccountAsync();
        var accountId = await host.AccountIdAsync(owner);
        var tenant = (string)(await owner.CreateTenantAsync("Contoso"))["id"]!;
        var secrets = new List<string>();
        string agent = "", agentKey = "", group = "", grant = "", groupGrant = "";

        var e = await OneEntryAsync(owner, async () =>
        {
            var body = await (await Ok(owner.PostAsync("api/agents", Http.Json(new { name = "Ann", email = "ann@msp.example", role = "technician" })))).ReadObjectAsync();
            (agent, agentKey) = ((string)body["id"]!, (string)body["apiKey"]!);
        }, "agent.created", "agent");
        Assert.Equal(agent, (string)e["targetId"]!);
        By(e, "account", accountId);
        Assert.Equal("technician", (string)e["after"]!["role"]!);
        secrets.AddRange([agentKey, ApiKeys.Hash(agentKey)]);

        e = await OneEntryAsync(owner, () => Ok(owner.PatchAsync($"api/agents/{agent}", new { role = "administrator" })), "agent.updated", "agent", agent);
        Assert.Equal(("technician", "administrator"), ((string)e["before"]!["role"]!, (string)e["after"]!["role"]!));
        await NoEntryAsync(owner, () => Ok(owner.PatchAsync($"api/agents/{agent}", new { role = "administrator" })));

        await OneEntryAsync(owner, async () =>
        {
            var rotated = (string)(await (await Ok(owner.PostAsync($"api/agents/{agent}/api-key", null))).ReadObjectAsync())["apiKey"]!;
            secrets.AddRange([rotated, ApiKeys.Hash(rotated)]);
        }, "agent.keyRotated", "agent", agent);

        var (bob, bobKey) = await owner.CreateAgentAsync("technician", "Bob");
        var (cy, cyKey) = await owner.CreateAgentAsync("technician", "Cy");
        secrets.AddRange([bobKey, ApiKeys.Hash(bobKey), cyKey, ApiKeys.Hash(cyKey)]);

        // Created with a member: one entry, its members in it.
        e = await OneEntryAsync(owner, async () => group = await IdOf(owner.PostAsync("api/agent-groups", Http.Json(new { name = "Desk", agentIds = new[] { agent } }))),
            "agentGroup.created", "agentGroup");
        Assert.Equal([agent], e["after"]!["agentIds"]!.AsArray().Select(a => (string)a!));
        await OneEntryAsync(owner, () => Ok(owner.PatchAsync($"api/agent-groups/{group}", new { name = "Service desk" })), "agentGroup.renamed", "agentGroup", group);

        // One removal and two additions: three transactions, one change, one entry.
        e = await OneEntryAsync(owner, () => Ok(owner.PutAsync($"api/agent-groups/{group}/members", Http.Json(new { agentIds = new[] { bob, cy } }))),
            "agentGroup.membersSet", "agentGroup", group);
        Assert.Equal([agent], e["before"]!["agentIds"]!.AsArray().Select(a => (string)a!));
        Assert.Equal([bob, cy], e["after"]!["agentIds"]!.AsArray().Select(a => (string)a!).Order());
        await NoEntryAsync(owner, () => Ok(owner.PutAsync($"api/agent-groups/{group}/members", Http.Json(new { agentIds = new[] { cy, bob } }))));

        e = await OneEntryAsync(owner, async () => grant = await owner.GrantAsync(new { agentId = agent, scope = "tenant", tenantId = tenant }), "grant.created", "grant");
        Assert.Equal((agent, "tenant", tenant), ((string)e["after"]!["agentId"]!, (string)e["after"]!["scope"]!, (string)e["after"]!["tenantId"]!));
        // The same grant again changes nothing and records nothing.
        await NoEntryAsync(owner, () => owner.GrantAsync(new { agentId = agent, scope = "tenant", tenantId = tenant }));
        await OneEntryAsync(owner, async () => groupGrant = await owner.GrantAsync(new { agentGroupId = group, scope = "allTenants" }), "grant.created", "grant");

        await NoEntryAsync(owner, async () =>
        {
            foreach (var url in new[] { "api/agents", $"api/agents/{agent}", "api/agent-groups", $"api/agent-groups/{group}", "api/access-grants", $"api/agents/{agent}/access" })
                await Ok(owner.GetAsync(url));
        });

        e = await OneEntryAsync(owner, () => Ok(owner.DeleteAsync($"api/access-grants/{grant}")), "grant.deleted", "grant", grant);
        Assert.Null(e["after"]);
        // Its grant and two members go with it, in several transactions: one entry.
        e = await OneEntryAsync(owner, () => Ok(owner.DeleteAsync($"api/agent-groups/{group}")), "agentGroup.deleted", "agentGroup", group);
        Assert.Equal("Service desk", (string)e["before"]!["name"]!);
        await owner.GrantAsync(new { agentId = agent, scope = "allTenants" });
        e = await OneEntryAsync(owner, () => Ok(owner.DeleteAsync($"api/agents/{agent}")), "agent.deleted", "agent", agent);
        Assert.Equal("Ann", (string)e["before"]!["name"]!);
        Assert.NotEqual(groupGrant, (string)e["targetId"]!);

        await NoSecretsAsync(owner, secrets);
    }

    [Fact]
    public async Task An_administrator_agents_changes_and_signing_keys_are_recorded_with_the_agent_as_actor()
    {
        var owner = await host.ClientForNewAccountAsync();
        var accountId = await host.AccountIdAsync(owner);
        var admin = await owner.CreateAgentAsync("administrator", "Admin");
        var secrets = new List<string> { admin.Key, ApiKeys.Hash(admin.Key) };

        // Registering and approving the key the admin signs with: by the agent, then by the account.
        var before = (await AuditAsync(owner)).Count;
        var signed = await host.SigningClientForAsync(owner, admin);
        var entries = await AuditAsync(owner);
        Assert.Equal(before + 2, entries.Count);
        Assert.Equal(("signingKey.approved", "signingKey.registered"), ((string)entries[0]["action"]!, (string)entries[1]["action"]!));
        By(entries[1], "agent", admin.Id);
        By(entries[0], "account", accountId);
        Assert.Equal("approved", (string)entries[0]["after"]!["status"]!);

        string agent = "", group = "", grant = "";
        var e = await OneEntryAsync(owner, async () =>
        {
            var body = await (await Ok(signed.PostAsync("api/agents", Http.Json(new { name = "Tech", email = "tech@msp.example", role = "technician" })))).ReadObjectAsync();
            agent = (string)body["id"]!;
            secrets.AddRange([(string)body["apiKey"]!, ApiKeys.Hash((string)body["apiKey"]!)]);
        }, "agent.created", "agent");
        By(e, "agent", admin.Id);
        By(await OneEntryAsync(owner, () => Ok(signed.PatchAsync($"api/agents/{agent}", new { role = "administrator" })), "agent.updated", "agent", agent), "agent", admin.Id);
        By(await OneEntryAsync(owner, async () =>
        {
            var rotated = (string)(await (await Ok(signed.PostAsync($"api/agents/{agent}/api-key", null))).ReadObjectAsync())["apiKey"]!;
            secrets.AddRange([rotated, ApiKeys.Hash(rotated)]);
        }, "agent.keyRotated", "agent", agent), "agent", admin.Id);
        By(await OneEntryAsync(owner, async () => group = await IdOf(signed.PostAsync("api/agent-groups", Http.Json(new { name = "Desk", agentIds = Array.Empty<string>() }))),
            "agentGroup.created", "agentGroup"), "agent", admin.Id);
        By(await OneEntryAsync(owner, () => Ok(signed.PatchAsync($"api/agent-groups/{group}", new { name = "Field" })), "agentGroup.renamed", "agentGroup", group), "agent", admin.Id);
        By(await OneEntryAsync(owner, () => Ok(signed.PutAsync($"api/agent-groups/{group}/members", Http.Json(new { agentIds = new[] { agent } }))),
            "agentGroup.membersSet", "agentGroup", group), "agent", admin.Id);
        By(await OneEntryAsync(owner, async () => grant = await signed.GrantAsync(new { agentGroupId = group, scope = "allTenants" }), "grant.created", "grant"), "agent", admin.Id);
        By(await OneEntryAsync(owner, () => Ok(signed.DeleteAsync($"api/access-grants/{grant}")), "grant.deleted", "grant", grant), "agent", admin.Id);
        By(await OneEntryAsync(owner, () => Ok(signed.DeleteAsync($"api/agent-groups/{group}")), "agentGroup.deleted", "agentGroup", group), "agent", admin.Id);

        // A second key of the admin's, registered, approved by the account, revoked by the admin: its x and y stay out of the log.
        var device = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var jwk = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(SigningHandler.PublicJwk(device)))!;
        secrets.AddRange([(string)jwk["x"]!, (string)jwk["y"]!]);
        string keyId = "";
        e = await OneEntryAsync(owner, async () =>
        {
            var registered = await host.ClientFor(admin.Key).PostAsync($"api/agents/{admin.Id}/signing-keys", Http.Json(new { name = "Laptop", publicKey = SigningHandler.PublicJwk(device) }));
            Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
            keyId = (string)(await registered.ReadObjectAsync())["id"]!;
        }, "signingKey.registered", "signingKey");
        Assert.False(string.IsNullOrEmpty((string?)e["after"]!["fingerprint"]));
        // The same public key again answers the key it made and records nothing.
        await NoEntryAsync(owner, () => host.ClientFor(admin.Key).PostAsync($"api/agents/{admin.Id}/signing-keys",
            Http.Json(new { name = "Laptop", publicKey = SigningHandler.PublicJwk(device) })));
        await OneEntryAsync(owner, () => Ok(owner.PostAsync($"api/signing-keys/{keyId}/approve", null)), "signingKey.approved", "signingKey", keyId);
        e = await OneEntryAsync(owner, () => Ok(signed.DeleteAsync($"api/signing-keys/{keyId}")), "signingKey.revoked", "signingKey", keyId);
        By(e, "agent", admin.Id);
        Assert.Equal(("approved", "revoked"), ((string)e["before"]!["status"]!, (string)e["after"]!["status"]!));

        By(await OneEntryAsync(owner, () => Ok(signed.DeleteAsync($"api/agents/{agent}")), "agent.deleted", "agent", agent), "agent", admin.Id);
        await NoSecretsAsync(owner, secrets);
    }
}
