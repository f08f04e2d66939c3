using System.Net;
using System.Text.Json.Nodes;
using Tenancy.TestSupport;

namespace Tenancy.Api.Tests.DeviceGroups;

[Collection(LocalHostCollection.Name)]
public class DeviceGroupRoutesTests(LocalHostFixture host)
{
    private static async Task<string> GroupAsync(HttpClient client, string name, string? tenantId = null)
    {
        var response = await client.PostAsync("api/device-groups", Http.Json(new { name, tenantId }));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (string)(await response.ReadObjectAsync())["id"]!;
    }

    private static async Task<string> DeviceAsync(HttpClient client, string name, string? groupId)
    {
        var response = await client.PostAsync("api/devices", Http.Json(new { name, groupId }));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (string)(await response.ReadObjectAsync())["id"]!;
    }

    private static async Task<JsonObject> GetAsync(HttpClient client, string url) => await (await client.GetAsync(url)).ReadObjectAsync();

    [Fact]
    public async Task A_group_created_for_a_tenant_shows_on_the_tenant_with_its_device_count()
    {
        var client = await host.ClientForNewAccountAsync();
        var tenantId = (string)(await client.CreateTenantAsync("Grouped"))["id"]!;

        var groupId = await GroupAsync(client, "Laptops", tenantId);
        await DeviceAsync(client, "PC-1", groupId);
        await DeviceAsync(client, "PC-2", groupId);

        var tenant = await GetAsync(client, $"api/tenants/{tenantId}");
        var group = tenant["deviceGroups"]!.AsArray().Single()!;
        Assert.Equal((groupId, "Laptops", 2), ((string)group["id"]!, (string)group["name"]!, (int)group["deviceCount"]!));
        var listed = await GetAsync(client, "api/tenants");
        Assert.Equal(1, (int)listed["items"]![0]!["deviceGroupCount"]!);
    }

    [Fact]
    public async Task Unassigned_groups_are_listed_apart()
    {
        var client = await host.ClientForNewAccountAsync();
        var tenantId = (string)(await client.CreateTenantAsync("Some tenant"))["id"]!;
        var free = await GroupAsync(client, "Free");
        await GroupAsync(client, "Taken", tenantId);

        var unassigned = await GetAsync(client, "api/device-groups?unassigned=true");
        var ofTenant = await GetAsync(client, $"api/device-groups?tenantId={tenantId}");

        Assert.Equal([free], unassigned["items"]!.AsArray().Select(g => (string)g!["id"]!));
        Assert.Equal(["Taken"], ofTenant["items"]!.AsArray().Select(g => (string)g!["name"]!));
    }

    [Fact]
    public async Task Assigning_a_group_of_another_tenant_is_409_naming_it_and_changes_nothing()
    {
        var client = await host.ClientForNewAccountAsync();
        var first = (string)(await client.CreateTenantAsync("First owner"))["id"]!;
        var second = (string)(await client.CreateTenantAsync("Second"))["id"]!;
        var owned = await GroupAsync(client, "Owned", first);
        var free = await GroupAsync(client, "Free");

        var response = await client.PostAsync($"api/tenants/{second}/device-groups/assign", Http.Json(new { groupIds = new[] { free, owned } }));

        var problem = await response.AssertProblemAsync(HttpStatusCode.Conflict);
        var conflict = problem["conflicts"]!.AsArray().Single()!;
        Assert.Equal((owned, first, "First owner"), ((string)conflict["groupId"]!, (string)conflict["tenantId"]!, (string)conflict["tenantName"]!));
        Assert.Empty((await GetAsync(client, $"api/tenants/{second}"))["deviceGroups"]!.AsArray());
    }

    [Fact]
    public async Task Confirmed_reassignment_moves_the_group_and_its_devices()
    {
        var client = await host.ClientForNewAccountAsync();
        var first = (string)(await client.CreateTenantAsync("From"))["id"]!;
        var second = (string)(await client.CreateTenantAsync("To"))["id"]!;
        var group = await GroupAsync(client, "Servers", first);
        var device = await DeviceAsync(client, "SRV-1", group);

        var response = await client.PostAsync($"api/tenants/{second}/device-groups/assign", Http.Json(new { groupIds = new[] { group }, confirmReassign = true }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single((await response.ReadObjectAsync())["deviceGroups"]!.AsArray());
        Assert.Empty((await GetAsync(client, $"api/tenants/{first}"))["deviceGroups"]!.AsArray());
        Assert.Equal(second, (string?)(await GetAsync(client, $"api/devices?groupId={group}"))["items"]![0]!["tenantId"]);
        Assert.Equal([device], (await GetAsync(client, $"api/devices?tenantId={second}"))["items"]!.AsArray().Select(d => (string)d!["id"]!));
        var counts = (await GetAsync(client, "api/tenants"))["items"]!.AsArray().ToDictionary(t => (string)t!["name"]!, t => (int)t!["deviceGroupCount"]!);
        Assert.Equal(0, counts["From"]);
        Assert.Equal(1, counts["To"]);
    }

    [Fact]
    public async Task Unassigning_leaves_the_group_on_no_tenant()
    {
        var client = await host.ClientForNewAccountAsync();
        var tenant = (string)(await client.CreateTenantAsync("Unassigner"))["id"]!;
        var group = await GroupAsync(client, "G", tenant);
        var device = await DeviceAsync(client, "D", group);

        var response = await client.PostAsync($"api/tenants/{tenant}/device-groups/unassign", Http.Json(new { groupIds = new[] { group } }));

        Assert.Empty((await response.ReadObjectAsync())["deviceGroups"]!.AsArray());
        Assert.Null((string?)(await GetAsync(client, $"api/devices?groupId={group}"))["items"]![0]!["tenantId"]);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"api/tenants/{tenant}/device-groups/unassign", Http.Json(new { groupIds = new[] { group } }))).StatusCode);
        _ = device;
    }

    [Fact]
    public async Task Deleting_a_group_alone_leaves_its_devices_ungrouped()
    {
        var client = await host.ClientForNewAccountAsync();
        var group = await GroupAsync(client, "Temp");
        var device = await DeviceAsync(client, "Keeper", group);

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"api/device-groups/{group}")).StatusCode);

        var devices = (await GetAsync(client, "api/devices"))["items"]!.AsArray();
        Assert.Equal(device, (string?)devices.Single()!["id"]);
        Assert.Null((string?)devices.Single()!["groupId"]);
        await (await client.DeleteAsync($"api/device-groups/{group}")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Deleting_a_group_with_its_devices_deletes_them()
    {
        var client = await host.ClientForNewAccountAsync();
        var tenant = (string)(await client.CreateTenantAsync("Shrinking"))["id"]!;
        var group = await GroupAsync(client, "Doomed", tenant);
        await DeviceAsync(client, "A", group);
        await DeviceAsync(client, "B", group);

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"api/device-groups/{group}?withDevices=true")).StatusCode);

        Assert.Empty((await GetAsync(client, "api/devices"))["items"]!.AsArray());
        Assert.Empty((await GetAsync(client, $"api/tenants/{tenant}"))["deviceGroups"]!.AsArray());
        Assert.Equal(0, (int)(await GetAsync(client, "api/tenants"))["items"]![0]!["deviceGroupCount"]!);
    }

    [Fact]
    public async Task Creating_a_tenant_with_groups_assigns_them_in_the_same_write()
    {
        var client = await host.ClientForNewAccountAsync();
        var a = await GroupAsync(client, "A");
        var b = await GroupAsync(client, "B");

        var response = await client.PostAsync("api/tenants", Http.Json(new { name = "Wizard", contacts = new[] { new { name = "Ann" } }, deviceGroupIds = new[] { a, b } }));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(2, (await response.ReadObjectAsync())["deviceGroups"]!.AsArray().Count);
    }

    [Fact]
    public async Task Creating_a_tenant_with_a_group_of_another_tenant_is_409_and_creates_nothing()
    {
        var client = await host.ClientForNewAccountAsync();
        var owner = (string)(await client.CreateTenantAsync("Owner"))["id"]!;
        var group = await GroupAsync(client, "Owned", owner);

        var response = await client.PostAsync("api/tenants", Http.Json(new { name = "Grabber", contacts = new[] { new { name = "Ann" } }, deviceGroupIds = new[] { group } }));

        var problem = await response.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(owner, (string?)problem["conflicts"]![0]!["tenantId"]);
        Assert.Single((await GetAsync(client, "api/tenants"))["items"]!.AsArray());
    }

    [Fact]
    public async Task Deleting_a_tenant_leaves_its_groups_unassigned()
    {
        var client = await host.ClientForNewAccountAsync();
        var tenant = (string)(await client.CreateTenantAsync("Leaving"))["id"]!;
        var group = await GroupAsync(client, "Orphan?", tenant);

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"api/tenants/{tenant}")).StatusCode);

        var unassigned = await GetAsync(client, "api/device-groups?unassigned=true");
        Assert.Equal([group], unassigned["items"]!.AsArray().Select(g => (string)g!["id"]!));
    }

    [Fact]
    public async Task Devices_move_between_groups_and_report_their_groups_tenant()
    {
        var client = await host.ClientForNewAccountAsync();
        var tenant = (string)(await client.CreateTenantAsync("Mover"))["id"]!;
        var from = await GroupAsync(client, "From");
        var to = await GroupAsync(client, "To", tenant);
        var device = await DeviceAsync(client, "Laptop", from);

        var moved = await (await client.PatchAsync($"api/devices/{device}", new { groupId = to })).ReadObjectAsync();

        Assert.Equal((to, tenant), ((string?)moved["groupId"], (string?)moved["tenantId"]));
        var groups = (await GetAsync(client, "api/device-groups"))["items"]!.AsArray().ToDictionary(g => (string)g!["name"]!, g => (int)g!["deviceCount"]!);
        Assert.Equal((0, 1), (groups["From"], groups["To"]));
        var ungrouped = await (await client.PatchAsync($"api/devices/{device}", new { groupId = (string?)null })).ReadObjectAsync();
        Assert.Null((string?)ungrouped["groupId"]);
    }

    [Theory]
    [InlineData("POST", "api/devices", "{\"name\":\"X\",\"groupId\":\"grp_missing\"}")]
    [InlineData("PATCH", "api/devices/dev_missing", "{\"groupId\":null}")]
    [InlineData("DELETE", "api/device-groups/grp_missing", null)]
    [InlineData("POST", "api/device-groups", "{\"name\":\"X\",\"tenantId\":\"tnt_missing\"}")]
    [InlineData("POST", "api/tenants/tnt_missing/device-groups/assign", "{\"groupIds\":[\"grp_x\"]}")]
    public async Task Unknown_ids_are_404(string method, string url, string? body)
    {
        var client = await host.ClientForNewAccountAsync();

        var request = new HttpRequestMessage(new HttpMethod(method), url) { Content = body is null ? null : Http.RawJson(body) };

        await (await client.SendAsync(request)).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("{\"groupIds\":[]}")]
    [InlineData("{\"groupIds\":\"grp_1\"}")]
    [InlineData("{}")]
    public async Task Bad_assign_bodies_are_400(string body)
    {
        var client = await host.ClientForNewAccountAsync();
        var tenant = (string)(await client.CreateTenantAsync("Strict"))["id"]!;

        await (await client.PostAsync($"api/tenants/{tenant}/device-groups/assign", Http.RawJson(body))).AssertProblemAsync(HttpStatusCode.BadRequest);
    }
}
