using Tenancy.TestSupport;

namespace Tenancy.Api.Tests.Audit;

/// <summary>R10: a device group that changes tenant is found in the log under the group and under both tenants.</summary>
[Collection(LocalHostCollection.Name)]
public class GroupMoveAuditTests(LocalHostFixture host)
{
    private static async Task<string> IdOf(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (string)(await response.ReadObjectAsync())["id"]!;
    }

    private static async Task<List<string>> ActionsUnder(HttpClient client, string targetId)
    {
        var page = await (await client.GetAsync($"api/audit?pageSize=200&targetId={targetId}")).ReadObjectAsync();
        return page["items"]!.AsArray().Select(e => (string)e!["action"]!).ToList();
    }

    private static async Task<string> TenantAsync(HttpClient client, string name, params string[] groupIds) =>
        await IdOf(await client.PostAsync("api/tenants", Http.Json(new
        {
            name, contacts = new[] { new { name = "Ann Lee" } }, deviceGroupIds = groupIds, confirmReassign = true,
        })));

    [Fact]
    public async Task A_group_moved_to_another_tenant_is_found_under_the_group_the_tenant_it_left_and_the_tenant_it_joined()
    {
        var client = await host.ClientForNewAccountAsync();
        var group = await IdOf(await client.PostAsync("api/device-groups", Http.Json(new { name = "Laptops" })));
        var left = await TenantAsync(client, "Contoso", group);
        var joined = await TenantAsync(client, "Fabrikam");

        (await client.PostAsync($"api/tenants/{joined}/device-groups/assign",
            Http.Json(new { groupIds = new[] { group }, confirmReassign = true }))).EnsureSuccessStatusCode();

        Assert.Contains("deviceGroup.assigned", await ActionsUnder(client, group));
        Assert.Contains("deviceGroup.assigned", await ActionsUnder(client, left));
        Assert.Contains("deviceGroup.assigned", await ActionsUnder(client, joined));
    }

    [Fact]
    public async Task A_group_taken_by_a_new_tenant_is_found_under_the_group_and_the_tenant_it_left()
    {
        var client = await host.ClientForNewAccountAsync();
        var group = await IdOf(await client.PostAsync("api/device-groups", Http.Json(new { name = "Printers" })));
        var left = await TenantAsync(client, "Contoso", group);

        var joined = await TenantAsync(client, "Fabrikam", group);

        Assert.Equal(["tenant.created"], (await ActionsUnder(client, joined)).Distinct());
        Assert.Contains("tenant.created", await ActionsUnder(client, left));
        Assert.Equal(2, (await ActionsUnder(client, group)).Count(a => a == "tenant.created"));
    }

    [Fact]
    public async Task A_group_unassigned_is_found_under_the_group_and_the_tenant_it_left_and_not_under_others()
    {
        var client = await host.ClientForNewAccountAsync();
        var group = await IdOf(await client.PostAsync("api/device-groups", Http.Json(new { name = "Phones" })));
        var left = await TenantAsync(client, "Contoso", group);
        var other = await TenantAsync(client, "Northwind");

        (await client.PostAsync($"api/tenants/{left}/device-groups/unassign",
            Http.Json(new { groupIds = new[] { group } }))).EnsureSuccessStatusCode();

        Assert.Contains("deviceGroup.unassigned", await ActionsUnder(client, group));
        Assert.Contains("deviceGroup.unassigned", await ActionsUnder(client, left));
        Assert.DoesNotContain("deviceGroup.unassigned", await ActionsUnder(client, other));
    }
}
