using System.Collections.Concurrent;
using System.Net;
using Tenancy.TestSupport;

namespace Tenancy.Api.Tests.Load;

[Collection(LocalHostCollection.Name)]
public class ApiLoadTests(LocalHostFixture host)
{
    [Fact]
    public async Task Mixed_concurrent_load_gets_no_server_errors()
    {
        var client = await host.ClientForNewAccountAsync();
        var tenantIds = new ConcurrentBag<string>();
        for (var i = 0; i < 5; i++) tenantIds.Add((string)(await client.CreateTenantAsync($"Load {i}"))["id"]!);
        var statuses = new ConcurrentBag<HttpStatusCode>();

        // 16 workers, 600 requests in all, on loopback only; bounded in count, so it stops by itself.
        await Parallel.ForEachAsync(Enumerable.Range(0, 600), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
        {
            var tenant = tenantIds.ElementAt(i % tenantIds.Count);
            var response = (i % 6) switch
            {
                0 => await client.PostAsync("api/tenants", Http.Json(Http.Tenant($"Load {i % 40}")), ct),
                1 => await client.GetAsync($"api/tenants/{tenant}", ct),
                2 => await client.GetAsync("api/tenants?pageSize=20&search=load", ct),
                3 => await client.PatchAsync($"api/tenants/{tenant}", new { notes = $"note {i}" }),
                4 => await client.PostAsync($"api/tenants/{tenant}/contacts", Http.Json(new { name = $"C{i}", isPrimary = i % 12 == 4 }), ct),
                _ => await client.GetAsync($"api/ticket-routing/match?from=x{i}@load{i % 7}.com", ct),
            };
            if (response.StatusCode == HttpStatusCode.Created && i % 6 == 0)
                tenantIds.Add((string)(await response.ReadObjectAsync())["id"]!);
            statuses.Add(response.StatusCode);
        });

        Assert.DoesNotContain(statuses, s => (int)s >= 500);
        Assert.All(statuses, s => Assert.Contains(s, new[] { HttpStatusCode.OK, HttpStatusCode.Created, HttpStatusCode.Conflict }));
    }
}
