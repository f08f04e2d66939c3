using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Tenancy.Core.Common;
using Tenancy.Core.DeviceGroups;
using Tenancy.Storage.DeviceGroups;
using Tenancy.Storage.Tables;
using Tenancy.TestSupport;

namespace Tenancy.Storage.Tests.DeviceGroups;

[Collection(AzuriteCollection.Name)]
public class GroupDeleteResumeTests(AzuriteFixture azurite)
{
    private readonly string _account = AzuriteFixture.NewAccountId();

    private TableDeviceGroupStore Store(HttpPipelinePolicy? fault = null)
    {
        var options = new TableClientOptions();
        options.Retry.MaxRetries = 0;
        if (fault is not null) options.AddPolicy(fault, HttpPipelinePosition.PerCall);
        return new TableDeviceGroupStore(new TenancyTables(new TableServiceClient(azurite.ConnectionString, options)));
    }

    private async Task<string> GroupWithDevicesAsync(int devices)
    {
        var store = Store();
        var group = await store.CreateAsync(_account, new DeviceGroup(Ids.New("grp"), "Big", null, 0, DateTimeOffset.UtcNow), null, CancellationToken.None);
        for (var i = 0; i < devices; i++)
            await store.CreateDeviceAsync(_account, new Device(Ids.New("dev"), $"D{i}", group.Id, null, DateTimeOffset.UtcNow), null, CancellationToken.None);
        return group.Id;
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task An_interrupted_delete_of_a_500_device_group_is_finished_by_a_retry(bool withDevices)
    {
        var groupId = await GroupWithDevicesAsync(500);

        await Assert.ThrowsAnyAsync<Exception>(() => Store(new FailingTransactionsPolicy(allowed: 4)).DeleteAsync(_account, groupId, withDevices, null, CancellationToken.None));
        Assert.Null(await Store().FindAsync(_account, groupId, CancellationToken.None));
        var midway = await Store().ListDevicesAsync(_account, null, null, new PageRequest(200, null), CancellationToken.None);
        Assert.Contains(midway.Items, d => d.Name.StartsWith('D'));

        Assert.True(await Store().DeleteAsync(_account, groupId, withDevices, null, CancellationToken.None));

        var rows = new List<TableEntity>();
        await foreach (var row in azurite.Tables.Tenancy.QueryAsync<TableEntity>($"PartitionKey eq '{_account}'"))
            rows.Add(row);
        Assert.DoesNotContain(rows, r => r.RowKey.StartsWith("G|") || r.RowKey.StartsWith("GV|"));
        var devices = rows.Where(r => r.RowKey.StartsWith("V|")).ToList();
        if (withDevices)
            Assert.Empty(devices);
        else
            Assert.All(devices, d => Assert.Equal("", d.GetString("GroupId")));
        Assert.Equal(withDevices ? 0 : 500, devices.Count);
    }
}
