using Azure.Data.Tables;
using FsCheck;
using FsCheck.Fluent;
using Tenancy.Core.Common;
using Tenancy.Core.DeviceGroups;
using Tenancy.Storage.DeviceGroups;
using Tenancy.Storage.Tables;
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
        var store = new TableDeviceGroupStore(new TenancyTables(new TableServiceClient(azurite.ConnectionString)));
        var account = AzuriteFixture.NewAccountId();
        var groups = new List<string>();
        for (var g = 0; g < 3; g++)
            groups.Add((await store.CreateAsync(account, new DeviceGroup(Ids.New("grp"), $"G{g}", null, 0, DateTimeOffset.UtcNow), default)).Id);
        var devices = new List<string>();
        var expected = new Dictionary<string, string?>();

        foreach (var step in steps)
        {
            var group = step.Group < 3 ? groups[step.Group] : null;
            if (step.Device < 0 || devices.Count == 0)
            {
                var device = await store.CreateDeviceAsync(account, new Device(Ids.New("dev"), "D", group, null, DateTimeOffset.UtcNow), default);
                devices.Add(device.Id);
                expected[device.Id] = group;
            }
            else
            {
                var id = devices[step.Device % devices.Count];
                await store.MoveDeviceAsync(account, id, group, default);
                expected[id] = group;
            }
        }

        var listed = (await store.ListAsync(account, null, false, new PageRequest(100, null), default)).Items.ToDictionary(g => g.Id, g => g.DeviceCount);
        foreach (var group in groups)
        {
            var count = expected.Values.Count(g => g == group);
            if ((await store.FindAsync(account, group, default))!.DeviceCount != count || listed[group] != count) return false;
        }
        return true;
    }
}
