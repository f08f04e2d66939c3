using System.Net;
using System.Text.Json.Nodes;
using Tenancy.TestSupport;

namespace Tenancy.Api.Tests.Access;

/// <summary>
/// R10: grants added and removed, members changed and groups moved, all at once, leave every agent's reach (the rows
/// its requests read) equal to a fresh computation from the final grants, memberships and owners.
/// </summary>
[Collection(LocalHostCollection.Name)]
public class AccessConcurrencyTests(LocalHostFixture host)
{
    [Fact]
    public async Task Concurrent_grant_membership_and_move_changes_leave_reach_equal_to_a_fresh_computation()
    {
        var owner = await host.ClientForNewAccountAsync();
        var tenants = new List<string>();
        for (var i = 0; i < 3; i++) tenants.Add((string)(await owner.CreateTenantAsync($"Tenant {i}"))["id"]!);
        var groups = new List<string>();
        for (var i = 0; i < 6; i++) groups.Add(await owner.CreateGroupAsync($"Group {i}", tenants[i % 3]));
        var agents = new List<string>();
        for (var i = 0; i < 6; i++) agents.Add((await owner.CreateAgentAsync("technician", $"Tech {i}")).Id);
        var agentGroups = new List<string>();
        for (var i = 0; i < 2; i++)
            agentGroups.Add((string)(await (await owner.PostAsync("api/agent-groups", Http.Json(new { name = $"Team {i}", agentIds = agents.Skip(i * 2).Take(3) }))).ReadObjectAsync())["id"]!);

        // A fixed plan of 120 operations (seeded), run all at once: the interleaving varies, the check does not depend on it.
        var random = new Random(12);
        var granted = new System.Collections.Concurrent.ConcurrentBag<string>();
        object Subject() => random.Next(3) == 0 ? new { agentGroupId = agentGroups[random.Next(2)] } : new { agentId = agents[random.Next(6)] };
        var operations = Enumerable.Range(0, 120).Select(i =>
        {
            var kind = i % 5;
            var subject = Subject();
            var scope = random.Next(6);
            var tenant = tenants[random.Next(3)];
            var group = groups[random.Next(6)];
            var target = tenants[random.Next(3)];
            var members = agents.Where(_ => random.Next(2) == 0).Take(4).ToArray();
            var team = agentGroups[random.Next(2)];
            return (Func<Task>)(async () =>
            {
                switch (kind)
                {
                    case 0 or 1:
                        var body = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(subject))!.AsObject();
                        body["scope"] = scope == 0 ? "allTenants" : scope < 3 ? "tenant" : "deviceGroup";
                        if (scope is 1 or 2) body["tenantId"] = tenant;
                        if (scope >= 3) body["deviceGroupId"] = group;
                        var added = await owner.PostAsync("api/access-grants", new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));
                        if (added.IsSuccessStatusCode) granted.Add((string)(await added.ReadObjectAsync())["id"]!);
                        else Assert.Equal(HttpStatusCode.Conflict, added.StatusCode);
                        break;
                    case 2:
                        if (granted.TryTake(out var grantId))
                            Assert.Contains((await owner.DeleteAsync($"api/access-grants/{grantId}")).StatusCode, new[] { HttpStatusCode.NoContent, HttpStatusCode.NotFound, HttpStatusCode.Conflict });
                        break;
                    case 3:
                        var moved = await owner.PostAsync($"api/tenants/{target}/device-groups/assign", Http.Json(new { groupIds = new[] { group }, confirmReassign = true }));
                        Assert.Contains(moved.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.Conflict });
                        break;
                    default:
                        var set = await owner.PutAsync($"api/agent-groups/{team}/members", Http.Json(new { agentIds = members }));
                        Assert.Contains(set.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.Conflict });
                        break;
                }
            });
        }).ToList();
        await Task.WhenAll(operations.Select(op => Task.Run(op)));

        var grants = (await owner.GetObjectAsync("api/access-grants"))["items"]!.AsArray();
        var teams = (await owner.GetObjectAsync("api/agent-groups"))["items"]!.AsArray();
        var owners = (await owner.GetObjectAsync("api/device-groups?pageSize=200"))["items"]!.AsArray()
            .ToDictionary(g => (string)g!["id"]!, g => (string?)g!["tenantId"]);
        foreach (var agent in agents)
        {
            var teamsOf = teams.Where(t => t!["agentIds"]!.AsArray().Any(a => (string?)a == agent)).Select(t => (string)t!["id"]!).ToHashSet();
            var mine = grants.Where(g => (string?)g!["agentId"] == agent || teamsOf.Contains((string?)g!["agentGroupId"] ?? "")).ToList();
            var all = mine.Any(g => (string?)g!["scope"] == "allTenants");
            var tenantSet = mine.Where(g => (string?)g!["scope"] == "tenant").Select(g => (string)g!["tenantId"]!).ToHashSet();
            var groupSet = mine.Where(g => (string?)g!["scope"] == "deviceGroup").Select(g => (string)g!["deviceGroupId"]!).ToHashSet();
            var expectedGroups = owners.Where(o => all || groupSet.Contains(o.Key) || (o.Value is not null && tenantSet.Contains(o.Value))).Select(o => o.Key).Order().ToList();

            var access = await owner.GetObjectAsync($"api/agents/{agent}/access");
            Assert.Equal(all, (bool)access["allTenants"]!);
            Assert.Equal(tenantSet.Order(), access["tenants"]!.AsArray().Select(t => (string)t!["id"]!).Order());
            Assert.Equal(expectedGroups, access["deviceGroups"]!.AsArray().Select(g => (string)g!["id"]!).Order());
            var history = await owner.GetObjectAsync($"api/agents/{agent}/access?at={Uri.EscapeDataString(DateTimeOffset.UtcNow.ToString("o"))}");
            Assert.Equal(expectedGroups, history["deviceGroups"]!.AsArray().Select(g => (string)g!["id"]!).Order());
        }
    }
}
