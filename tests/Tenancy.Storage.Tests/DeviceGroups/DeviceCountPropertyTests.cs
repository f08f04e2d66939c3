using Azure.Data.Tables;
using FsCheck;
using FsCheck.Fluent;
using Tenancy.Core.Common;
using Tenancy.Core.Contacts;
using Tenancy.Core.DeviceGroups;
using Tenancy.Core.Tenants;
using Tenancy.Storage.DeviceGroups;
using Tenancy.Storage.Tables;
using Tenancy.Storage.Tenants;
using Tenancy.TestSupport;

namespace Tenancy.Storage.Tests.DeviceGroups;

/// <summary>
/// The counted layout (folded count plus delta rows) reads the same as the old semantics, a group's count being the
/// number of devices in it, after any sequence of device creates and moves (folds happening along the way).
/// </summary>
[Collection(AzuriteCollection.Name)]
public class DeviceCountPropertyTests(AzuriteFixture azurite)
{
    /// <summary>A step: create a device (Device &lt; 0) or move an existing one, into group 0–2 or none (3).</summary>
    public sealed record Step(int Device, int Group);

    [Fact]
    public void Group_counts_equal_the_devices_in_each_group_after_any_sequence_of_creates_and_moves()
    {
        var steps = Gen.Choose(-2, 11).Zip(Gen.Choose(0, 3), (d, g) => new Step(d, g)).ListOf().Select(l => l.Take(50).ToList());
        Prop.ForAll(steps.ToArbitrary(), s => RunAsync(s).GetAwaiter().GetResult())
            .Check(Config.QuickThrowOnFailure.WithMaxTest(12));
    }

    private async Task<bool> RunAsync(IReadOnlyList<Step> steps)
    {
        var tables = new TenancyTables(new TableServiceClient(azurite.ConnectionString));
        var store = new TableDeviceGroupStore(tables);
        var tenants = new TableTenantStore(tables);
        var account = AzuriteFixture.NewAccountId();
        var tenant = await tenants.CreateAsync(account, TenantService.Build(new NewTenantRequest("T", null, [new ContactFields("Ann", null, null, null, null, null, null)]),
            Ids.New("tnt"), TenantOrigin.Console, DateTimeOffset.UtcNow, new FieldErrors(), throwOnErrors: true), [], null, default);
        var groups = new List<string>();
        // Groups 0 and 1 belong to the tenant, whose view counts their devices too.
        for (var g = 0; g < 3; g++)
            groups.Add((await store.CreateAsync(account, new DeviceGroup(Ids.New("grp"), $"G{g}", g < 2 ? tenant.Id : null, 0, DateTimeOffset.UtcNow), null, default)).Id);
        var devices = new List<string>();
        var expected = new Dictionary<string, string?>();

        foreach (var step in steps)
        {
            var group = step.Group < 3 ? groups[step.Group] : null;
            if (step.Device < 0 || devices.Count == 0)
            {
                var device = await store.CreateDeviceAsync(account, new Device(Ids.New("dev"), "D", group, null, DateTimeOffset.UtcNow), null, default);
                devices.Add(device.Id);
                expected[device.Id] = group;
            }
            else
            {
                var id = devices[step.Device % devices.Count];
                await store.MoveDeviceAsync(account, id, group, null, default);
                expected[id] = group;
            }
        }

        var listed = (await store.ListAsync(account, null, false, new PageRequest(100, null), default)).Items.ToDictionary(g => g.Id, g => g.DeviceCount);
        var ofTenant = (await store.ListAsync(account, tenant.Id, false, new PageRequest(100, null), default)).Items.ToDictionary(g => g.Id, g => g.DeviceCount);
        var inView = (await tenants.FindAsync(account, tenant.Id, default))!.Groups.ToDictionary(g => g.Id, g => g.DeviceCount);
        for (var i = 0; i < groups.Count; i++)
        {
            var group = groups[i];
            var count = expected.Values.Count(g => g == group);
            if ((await store.FindAsync(account, group, default))!.DeviceCount != count || listed[group] != count) return false;
            if (i < 2 && (ofTenant[group] != count || inView[group] != count)) return false;
        }
        return true;
    }
}
