using System.Net;
using System.Text.Json.Nodes;
using Tenancy.TestSupport;

namespace Tenancy.Api.Tests.Access;

/// <summary>R10: with at=, effective access answers as it stood then: grants, memberships and group owners over time.</summary>
[Collection(LocalHostCollection.Name)]
public class AccessHistoryTests(LocalHostFixture host)
{
    [Fact]
    public async Task At_three_past_moments_the_answers_are_those_the_api_gave_then()
    {
        var owner = await host.ClientForNewAccountAsync();
        var a = (string)(await owner.CreateTenantAsync("Alpha"))["id"]!;
        var b = (string)(await owner.CreateTenantAsync("Beta"))["id"]!;
        var group = await owner.CreateGroupAsync("Laptops", a);
        var device = await owner.CreateDeviceAsync("PC", group);
        var agent = await owner.CreateAgentAsync("technician", "Tess");
        var other = await owner.CreateAgentAsync("technician", "Otto");
        var team = (string)(await (await owner.PostAsync("api/agent-groups", Http.Json(new { name = "Team", agentIds = new[] { other.Id } }))).ReadObjectAsync())["id"]!;
        var tenantGrant = await owner.GrantAsync(new { agentId = agent.Id, scope = "tenant", tenantId = a });
        await owner.GrantAsync(new { agentGroupId = team, scope = "deviceGroup", deviceGroupId = group });

        var moments = new List<(DateTimeOffset At, string Agent, string Group, string Device)>();
        async Task SnapshotAsync()
        {
            var answers = (await Text($"api/agents/{agent.Id}/access"), await Text($"api/device-groups/{group}/access"), await Text($"api/devices/{device}/access"));
            moments.Add((DateTimeOffset.UtcNow, answers.Item1, answers.Item2, answers.Item3));
        }
        async Task<string> Text(string url) => (await owner.GetObjectAsync(url)).ToJsonString();

        await SnapshotAsync();                                                       // Tess via tenant A, Otto via the team
        Assert.Equal(HttpStatusCode.OK, (await owner.PostAsync($"api/tenants/{b}/device-groups/assign",
            Http.Json(new { groupIds = new[] { group }, confirmReassign = true }))).StatusCode);
        await SnapshotAsync();                                                       // the group moved: Tess lost it
        Assert.Equal(HttpStatusCode.NoContent, (await owner.DeleteAsync($"api/access-grants/{tenantGrant}")).StatusCode);
        await owner.GrantAsync(new { agentId = agent.Id, scope = "tenant", tenantId = b });
        Assert.Equal(HttpStatusCode.OK, (await owner.PutAsync($"api/agent-groups/{team}/members", Http.Json(new { agentIds = Array.Empty<string>() }))).StatusCode);
        await SnapshotAsync();                                                       // Tess via tenant B, Otto left the team
        Assert.Equal(HttpStatusCode.NoContent, (await owner.DeleteAsync($"api/agents/{other.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await owner.DeleteAsync($"api/tenants/{a}")).StatusCode);

        Assert.Equal(3, moments.Select(m => m.Group).Distinct().Count());
        foreach (var (at, agentAnswer, groupAnswer, deviceAnswer) in moments)
        {
            var when = Uri.EscapeDataString(at.ToString("o"));
            Assert.Equal(Ids(agentAnswer), Ids(await Text($"api/agents/{agent.Id}/access?at={when}")));
            Assert.Equal(Ids(groupAnswer), Ids(await Text($"api/device-groups/{group}/access?at={when}")));
            Assert.Equal(Ids(deviceAnswer), Ids(await Text($"api/devices/{device}/access?at={when}")));
        }
    }

    /// <summary>The answer's ids and grants, which at= must give back (names may have changed since).</summary>
    private static string Ids(string json)
    {
        var node = JsonNode.Parse(json)!;
        foreach (var list in new[] { "items", "tenants", "deviceGroups" })
            foreach (var item in node[list]?.AsArray() ?? [])
                item!.AsObject().Remove("name");
        return node.ToJsonString();
    }
}
