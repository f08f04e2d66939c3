using Tenancy.TestSupport;

namespace Tenancy.Api.Tests.Access;

/// <summary>
/// Issue 28: a technician reaching a group through a group grant is not told which tenant owns it, so a tenant filter
/// on a tenant it does not reach answers as an unknown tenant's does: an empty list, whichever tenant it names.
/// </summary>
[Collection(LocalHostCollection.Name)]
public class TenantFilterReachTests(LocalHostFixture host)
{
    [Fact]
    public async Task A_filter_on_an_unreached_tenant_answers_as_an_unknown_tenant_even_for_the_owner_of_a_granted_group()
    {
        var owner = await host.ClientForNewAccountAsync();
        var owning = (string)(await owner.CreateTenantAsync("Owning"))["id"]!;
        var other = (string)(await owner.CreateTenantAsync("Other"))["id"]!;
        var group = await owner.CreateGroupAsync("Granted", owning);
        var device = await owner.CreateDeviceAsync("PC", group);
        var agent = await owner.CreateAgentAsync("technician");
        await owner.GrantAsync(new { agentId = agent.Id, scope = "deviceGroup", deviceGroupId = group });
        var technician = host.ClientFor(agent.Key);

        Assert.Equal([group], await technician.IdsAsync("api/device-groups"));
        Assert.Equal([device], await technician.IdsAsync("api/devices"));
        foreach (var tenant in new[] { owning, other, "ten_unknown" })
        {
            Assert.Empty(await technician.IdsAsync($"api/device-groups?tenantId={tenant}"));
            Assert.Empty(await technician.IdsAsync($"api/devices?tenantId={tenant}"));
            Assert.Empty(await technician.IdsAsync($"api/devices?groupId={group}&tenantId={tenant}"));
        }
        Assert.Empty(await owner.IdsAsync("api/device-groups?tenantId=ten_unknown"));
    }
}
