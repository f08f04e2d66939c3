using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Tenancy.Core.Access;
using Tenancy.Core.Accounts;
using Tenancy.Core.DeviceGroups;
using Tenancy.Core.Tenants;
using Tenancy.TestSupport;

namespace Tenancy.Api.Tests.Access;

/// <summary>
/// R10: a rotated key, a deleted agent, a changed role and a removed grant count from the very next request. Each agent
/// request reads the account's access version, which every write of an agent's rows changes, and reads those rows again
/// when it changed: this holds on every instance, whatever this one remembers of the agent's earlier requests.
/// </summary>
[Collection(LocalHostCollection.Name)]
public class AgentRevocationTests(LocalHostFixture host)
{
    [Fact]
    public async Task A_rotated_key_fails_on_the_very_next_request_and_the_new_one_works()
    {
        var owner = await host.ClientForNewAccountAsync();
        var agent = await owner.CreateAgentAsync("technician");
        var old = host.ClientFor(agent.Key);
        Assert.Equal(HttpStatusCode.OK, (await old.GetAsync("api/me")).StatusCode);

        var rotated = await owner.PostAsync($"api/agents/{agent.Id}/api-key", null);
        var newKey = (string)(await rotated.ReadObjectAsync())["apiKey"]!;

        await (await old.GetAsync("api/tenants")).AssertProblemAsync(HttpStatusCode.Unauthorized);
        var me = await host.ClientFor(newKey).GetObjectAsync("api/me");
        Assert.Equal(agent.Id, (string?)me["agentId"]);
        Assert.Equal("technician", (string?)me["role"]);
    }

    [Fact]
    public async Task A_deleted_agent_key_fails_on_the_very_next_request()
    {
        var owner = await host.ClientForNewAccountAsync();
        var agent = await owner.CreateAgentAsync("administrator");
        var client = host.ClientFor(agent.Key);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("api/tenants")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await owner.DeleteAsync($"api/agents/{agent.Id}")).StatusCode);

        await (await client.GetAsync("api/tenants")).AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.GetAsync($"api/agents/{agent.Id}")).StatusCode);
    }

    [Fact]
    public async Task A_removed_grant_reaches_nothing_from_the_very_next_request()
    {
        var owner = await host.ClientForNewAccountAsync();
        var tenant = (string)(await owner.CreateTenantAsync("Alpha"))["id"]!;
        var agent = await owner.CreateAgentAsync("technician");
        var grant = await owner.GrantAsync(new { agentId = agent.Id, scope = "tenant", tenantId = tenant });
        var client = host.ClientFor(agent.Key);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"api/tenants/{tenant}")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await owner.DeleteAsync($"api/access-grants/{grant}")).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"api/tenants/{tenant}")).StatusCode);
        Assert.Empty(await client.IdsAsync("api/tenants"));
    }

    [Fact]
    public async Task The_same_grant_twice_answers_the_existing_one_and_a_deleted_tenant_takes_its_grants()
    {
        var owner = await host.ClientForNewAccountAsync();
        var tenant = (string)(await owner.CreateTenantAsync("Alpha"))["id"]!;
        var agent = await owner.CreateAgentAsync("technician");
        var grant = new { agentId = agent.Id, scope = "tenant", tenantId = tenant };

        var first = await owner.PostAsync("api/access-grants", Http.Json(grant));
        var second = await owner.PostAsync("api/access-grants", Http.Json(grant));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal((string?)(await first.ReadObjectAsync())["id"], (string?)(await second.ReadObjectAsync())["id"]);
        Assert.Equal(HttpStatusCode.NoContent, (await owner.DeleteAsync($"api/tenants/{tenant}")).StatusCode);
        Assert.Empty(await owner.IdsAsync($"api/access-grants?agentId={agent.Id}"));
    }

    [Fact]
    public async Task A_grant_to_an_agent_group_reaches_its_members_and_leaves_with_a_member()
    {
        var owner = await host.ClientForNewAccountAsync();
        var tenant = (string)(await owner.CreateTenantAsync("Alpha"))["id"]!;
        var agent = await owner.CreateAgentAsync("technician");
        var created = await owner.PostAsync("api/agent-groups", Http.Json(new { name = "Night", agentIds = new[] { agent.Id } }));
        var groupId = (string)(await created.ReadObjectAsync())["id"]!;
        await owner.GrantAsync(new { agentGroupId = groupId, scope = "tenant", tenantId = tenant });
        var client = host.ClientFor(agent.Key);

        Assert.Equal([tenant], await client.IdsAsync("api/tenants"));
        var access = await owner.GetObjectAsync($"api/agents/{agent.Id}/access");
        Assert.Equal(groupId, (string?)access["tenants"]![0]!["via"]![0]!["agentGroupId"]);

        var emptied = await owner.PutAsync($"api/agent-groups/{groupId}/members", Http.Json(new { agentIds = Array.Empty<string>() }));
        Assert.Equal(HttpStatusCode.OK, emptied.StatusCode);
        Assert.Empty(await client.IdsAsync("api/tenants"));
    }

    [Fact]
    public async Task A_grant_removed_on_another_instance_counts_on_the_very_next_request_after_earlier_ones()
    {
        var owner = await host.ClientForNewAccountAsync();
        var tenant = (string)(await owner.CreateTenantAsync("Alpha"))["id"]!;
        var agent = await owner.CreateAgentAsync("technician");
        var grant = await owner.GrantAsync(new { agentId = agent.Id, scope = "tenant", tenantId = tenant });
        var client = host.ClientFor(agent.Key);
        for (var i = 0; i < 3; i++)
        {
            var read = await client.GetAsync($"api/tenants/{tenant}");
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
            Assert.NotNull(read.Headers.ETag);
            Assert.Equal([tenant], await client.IdsAsync("api/tenants"));
        }

        await OtherInstance().RemoveGrantAsync(await host.AccountIdAsync(owner), grant, CancellationToken.None);

        var refused = await client.GetAsync($"api/tenants/{tenant}");
        await refused.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Null(refused.Headers.ETag); // nothing of a read begun with the grant this instance remembered
        Assert.Empty(await client.IdsAsync("api/tenants"));
    }

    [Fact]
    public async Task A_changed_role_counts_on_the_very_next_request_after_earlier_ones()
    {
        var owner = await host.ClientForNewAccountAsync();
        var agent = await owner.CreateAgentAsync("technician");
        var client = host.ClientFor(agent.Key);
        await (await client.GetAsync("api/agents")).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("technician", (string?)(await client.GetObjectAsync("api/me"))["role"]);

        Assert.Equal(HttpStatusCode.OK, (await owner.PatchAsync($"api/agents/{agent.Id}", Http.Json(new { role = "administrator" }))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("api/agents")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await owner.PatchAsync($"api/agents/{agent.Id}", Http.Json(new { role = "technician" }))).StatusCode);
        await (await client.GetAsync("api/agents")).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("technician", (string?)(await client.GetObjectAsync("api/me"))["role"]);
    }

    /// <summary>The access service of another instance: its own memory, the same storage.</summary>
    private AccessService OtherInstance()
    {
        var services = host.Services;
        return new AccessService(services.GetRequiredService<IAccessStore>(), services.GetRequiredService<IAccountStore>(),
            new AccountService(services.GetRequiredService<IAccountStore>(), TimeProvider.System),
            services.GetRequiredService<ITenantStore>(), services.GetRequiredService<IDeviceGroupStore>(),
            services.GetRequiredService<Tenancy.Core.Identity.IIdentityLinkStore>(), TimeProvider.System);
    }
}
