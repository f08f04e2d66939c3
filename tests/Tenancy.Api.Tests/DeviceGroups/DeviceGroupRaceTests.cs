using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Tenancy.Core.DeviceGroups;
using Tenancy.TestSupport;

namespace Tenancy.Api.Tests.DeviceGroups;

[Collection(LocalHostCollection.Name)]
public class DeviceGroupRaceTests(LocalHostFixture host)
{
    [Fact]
    public async Task Concurrent_assign_reassign_and_unassign_never_leave_a_group_on_two_tenants()
    {
        var client = await host.ClientForNewAccountAsync();
        var tenants = new List<string>();
        for (var i = 0; i < 4; i++) tenants.Add((string)(await client.CreateTenantAsync($"Racer {i}"))["id"]!);
        var groups = new List<string>();
        for (var i = 0; i < 6; i++)
            groups.Add((string)(await (await client.PostAsync("api/device-groups", Http.Json(new { name = $"G{i}" }))).ReadObjectAsync())["id"]!);
        var random = new Random(42);

        var calls = Enumerable.Range(0, 120).Select(_ =>
        {
            var tenant = tenants[random.Next(tenants.Count)];
            var subset = groups.OrderBy(_ => random.Next()).Take(random.Next(1, 4)).ToArray();
            return random.Next(3) switch
            {
                0 => client.PostAsync($"api/tenants/{tenant}/device-groups/unassign", Http.Json(new { groupIds = subset })),
                1 => client.PostAsync($"api/tenants/{tenant}/device-groups/assign", Http.Json(new { groupIds = subset })),
                _ => client.PostAsync($"api/tenants/{tenant}/device-groups/assign", Http.Json(new { groupIds = subset, confirmReassign = true })),
            };
        }).ToList();
        var responses = await Task.WhenAll(calls);

        Assert.All(responses, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.Conflict }));
        var owners = (await (await client.GetAsync("api/device-groups?pageSize=200")).ReadObjectAsync())["items"]!.AsArray()
            .ToDictionary(g => (string)g!["id"]!, g => (string?)g!["tenantId"]);
        Assert.All(owners.Values, owner => Assert.True(owner is null || tenants.Contains(owner)));
        var summaries = (await (await client.GetAsync("api/tenants")).ReadObjectAsync())["items"]!.AsArray()
            .ToDictionary(t => (string)t!["id"]!, t => (int)t!["deviceGroupCount"]!);
        foreach (var tenant in tenants)
        {
            var view = await (await client.GetAsync($"api/tenants/{tenant}")).ReadObjectAsync();
            var viewGroups = view["deviceGroups"]!.AsArray().Select(g => (string)g!["id"]!).Order().ToList();
            var expected = owners.Where(o => o.Value == tenant).Select(o => o.Key).Order().ToList();
            Assert.Equal(expected, viewGroups);
            Assert.Equal(expected.Count, summaries[tenant]);
        }
    }

    [Fact]
    public async Task Concurrent_device_creates_and_moves_keep_every_group_count_exact()
    {
        var client = await host.ClientForNewAccountAsync();
        var groups = new List<string>();
        for (var i = 0; i < 3; i++)
            groups.Add((string)(await (await client.PostAsync("api/device-groups", Http.Json(new { name = $"Pool {i}" }))).ReadObjectAsync())["id"]!);
        var devices = await Task.WhenAll(Enumerable.Range(0, 30).Select(async i =>
            (string)(await (await client.PostAsync("api/devices", Http.Json(new { name = $"D{i}", groupId = groups[i % 3] }))).ReadObjectAsync())["id"]!));
        var random = new Random(3);

        var moves = await Task.WhenAll(Enumerable.Range(0, 90).Select(_ =>
            client.PatchAsync($"api/devices/{devices[random.Next(devices.Length)]}", new { groupId = random.Next(4) == 3 ? null : groups[random.Next(3)] })));

        Assert.All(moves, m => Assert.Equal(HttpStatusCode.OK, m.StatusCode));
        var counts = (await (await client.GetAsync("api/device-groups")).ReadObjectAsync())["items"]!.AsArray()
            .ToDictionary(g => (string)g!["id"]!, g => (int)g!["deviceCount"]!);
        var all = (await (await client.GetAsync("api/devices?pageSize=200")).ReadObjectAsync())["items"]!.AsArray();
        Assert.Equal(30, all.Count);
        foreach (var group in groups)
        {
            var listed = (await (await client.GetAsync($"api/devices?groupId={group}&pageSize=200")).ReadObjectAsync())["items"]!.AsArray();
            Assert.Equal(all.Count(d => (string?)d!["groupId"] == group), listed.Count);
            Assert.Equal(listed.Count, counts[group]);
        }
    }

    [Fact]
    public async Task Sixty_four_devices_registering_and_moving_into_one_group_at_once_all_succeed_and_count_exactly()
    {
        var client = await host.ClientForNewAccountAsync();
        var hot = (string)(await (await client.PostAsync("api/device-groups", Http.Json(new { name = "Hot" }))).ReadObjectAsync())["id"]!;
        var pool = (string)(await (await client.PostAsync("api/device-groups", Http.Json(new { name = "Pool" }))).ReadObjectAsync())["id"]!;
        var movers = new List<string>();
        for (var i = 0; i < 16; i++)
            movers.Add((string)(await (await client.PostAsync("api/devices", Http.Json(new { name = $"M{i}", groupId = pool }))).ReadObjectAsync())["id"]!);

        var registrations = Enumerable.Range(0, 48).Select(i => client.PostAsync("api/devices", Http.Json(new { name = $"R{i}", groupId = hot })));
        var moves = movers.Select(id => client.PatchAsync($"api/devices/{id}", new { groupId = hot }));
        var responses = await Task.WhenAll(registrations.Concat(moves));

        foreach (var response in responses)
            Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        var counts = (await (await client.GetAsync("api/device-groups")).ReadObjectAsync())["items"]!.AsArray()
            .ToDictionary(g => (string)g!["id"]!, g => (int)g!["deviceCount"]!);
        Assert.Equal(64, counts[hot]);
        Assert.Equal(0, counts[pool]);
        Assert.Equal(64, (await (await client.GetAsync($"api/devices?groupId={hot}&pageSize=200")).ReadObjectAsync())["items"]!.AsArray().Count);
    }

    [Fact]
    public async Task A_group_of_1000_devices_moves_to_another_tenant_in_one_call()
    {
        var client = await host.ClientForNewAccountAsync();
        var accountId = await host.AccountIdAsync(client);
        var from = (string)(await client.CreateTenantAsync("Big from"))["id"]!;
        var to = (string)(await client.CreateTenantAsync("Big to"))["id"]!;
        var groupId = (string)(await (await client.PostAsync("api/device-groups", Http.Json(new { name = "Fleet", tenantId = from }))).ReadObjectAsync())["id"]!;
        var service = host.Services.GetRequiredService<DeviceGroupService>();
        for (var i = 0; i < 1000; i++)
            await service.CreateDeviceAsync(accountId, new NewDevice($"D{i:D4}", groupId), CancellationToken.None);

        var response = await client.PostAsync($"api/tenants/{to}/device-groups/assign", Http.Json(new { groupIds = new[] { groupId }, confirmReassign = true }));

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var tenantsSeen = new List<string?>();
        string? token = null;
        do
        {
            var page = await (await client.GetAsync($"api/devices?tenantId={to}&pageSize=200" + (token is null ? "" : $"&continuationToken={token}"))).ReadObjectAsync();
            tenantsSeen.AddRange(page["items"]!.AsArray().Select(d => (string?)d!["tenantId"]));
            token = (string?)page["continuationToken"];
        } while (token is not null);
        Assert.Equal(1000, tenantsSeen.Count);
        Assert.All(tenantsSeen, t => Assert.Equal(to, t));
        Assert.Equal(1000, (int)(await (await client.GetAsync($"api/tenants/{to}")).ReadObjectAsync())["deviceGroups"]![0]!["deviceCount"]!);
    }
}
