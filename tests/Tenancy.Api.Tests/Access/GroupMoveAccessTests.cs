using System.Net;
using System.Text.Json.Nodes;
using Tenancy.TestSupport;

namespace Tenancy.Api.Tests.Access;

/// <summary>R10: a tenant grant follows the group's current owner, a group grant follows the group; the move shows both first.</summary>
[Collection(LocalHostCollection.Name)]
public class GroupMoveAccessTests(LocalHostFixture host)
{
    [Fact]
    public async Task A_move_takes_the_group_from_the_old_tenants_technician_keeps_it_for_the_group_grant_and_the_preview_named_both()
    {
        var owner = await host.ClientForNewAccountAsync();
        var a = (string)(await owner.CreateTenantAsync("Alpha"))["id"]!;
        var b = (string)(await owner.CreateTenantAsync("Beta"))["id"]!;
        var group = await owner.CreateGroupAsync("Laptops", a);
        var device = await owner.CreateDeviceAsync("PC", group);
        var onA = await owner.CreateAgentAsync("technician", "On A");
        var onGroup = await owner.CreateAgentAsync("technician", "On group");
        var onB = await owner.CreateAgentAsync("technician", "On B");
        await owner.GrantAsync(new { agentId = onA.Id, scope = "tenant", tenantId = a });
        await owner.GrantAsync(new { agentId = onGroup.Id, scope = "deviceGroup", deviceGroupId = group });
        await owner.GrantAsync(new { agentId = onB.Id, scope = "tenant", tenantId = b });
        var techA = host.ClientFor(onA.Key);
        var techGroup = host.ClientFor(onGroup.Key);

        var preview = await owner.PostAsync($"api/tenants/{b}/device-groups/assign", Http.Json(new { groupIds = new[] { group }, preview = true }));
        var refused = await owner.PostAsync($"api/tenants/{b}/device-groups/assign", Http.Json(new { groupIds = new[] { group } }));
        Assert.Contains(group, await techA.IdsAsync("api/device-groups"));

        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var access = (await preview.ReadObjectAsync())["access"]!;
        Assert.Equal([onA.Id], Agents(access["losing"]!));
        Assert.Equal([onB.Id], Agents(access["gaining"]!));
        Assert.Equal(group, (string?)access["losing"]![0]!["groupIds"]![0]);
        var conflict = await refused.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal([onA.Id], Agents(conflict["access"]!["losing"]!));

        var moved = await owner.PostAsync($"api/tenants/{b}/device-groups/assign", Http.Json(new { groupIds = new[] { group }, confirmReassign = true }));
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);

        Assert.DoesNotContain(group, await techA.IdsAsync("api/device-groups"));
        Assert.Equal(HttpStatusCode.NotFound, (await techA.GetAsync($"api/devices?groupId={group}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await techA.PatchAsync($"api/devices/{device}", new { groupId = group })).StatusCode);
        Assert.Contains(group, await techGroup.IdsAsync("api/device-groups"));
        Assert.Contains(device, await techGroup.IdsAsync("api/devices"));
        Assert.Contains(group, await host.ClientFor(onB.Key).IdsAsync("api/device-groups"));
    }

    private static List<string> Agents(JsonNode list) => list.AsArray().Select(e => (string)e!["agentId"]!).ToList();
}
