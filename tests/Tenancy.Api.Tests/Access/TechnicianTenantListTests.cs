using Tenancy.TestSupport;

namespace Tenancy.Api.Tests.Access;

/// <summary>R10: a technician's tenant list pages and searches exactly its tenants, in name order, with no empty page in the middle.</summary>
[Collection(LocalHostCollection.Name)]
public class TechnicianTenantListTests(LocalHostFixture host)
{
    [Theory]
    [InlineData(3, 2)]    // read one by one
    [InlineData(25, 7)]   // more than TableTenantStore.DirectReadsAtMost: a scan of the name index
    [InlineData(22, 3)]   // the scan's reads grow page after page
    public async Task Pages_and_search_hold_exactly_the_reached_tenants_in_name_order(int granted, int pageSize)
    {
        var owner = await host.ClientForNewAccountAsync();
        var ids = new List<(string Id, string Name)>();
        for (var i = 0; i < 40; i++)
        {
            var name = (i % 2 == 0 ? "North " : "South ") + (char)('a' + i % 26) + i;
            ids.Add(((string)(await owner.CreateTenantAsync(name))["id"]!, name));
        }
        var agent = await owner.CreateAgentAsync("technician");
        var reached = ids.Take(granted).ToList();
        foreach (var (id, _) in reached) await owner.GrantAsync(new { agentId = agent.Id, scope = "tenant", tenantId = id });
        var tech = host.ClientFor(agent.Key);

        foreach (var search in new string?[] { null, "north" })
        {
            var expected = reached.Where(t => search is null || t.Name.StartsWith(search, StringComparison.OrdinalIgnoreCase))
                .OrderBy(t => t.Name, StringComparer.OrdinalIgnoreCase).Select(t => t.Id).ToList();
            var seen = new List<string>();
            string? token = null;
            do
            {
                var url = $"api/tenants?pageSize={pageSize}" + (search is null ? "" : $"&search={search}") + (token is null ? "" : $"&continuationToken={token}");
                var page = await tech.GetObjectAsync(url);
                var items = page["items"]!.AsArray().Select(i => (string)i!["id"]!).ToList();
                token = (string?)page["continuationToken"];
                Assert.True(items.Count == pageSize || token is null, $"a short page in the middle: {items.Count}");
                seen.AddRange(items);
            } while (token is not null);
            Assert.Equal(expected, seen);
        }
    }
}
