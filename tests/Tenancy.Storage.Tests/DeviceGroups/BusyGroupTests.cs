using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
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
/// R4 under load: device writes into a group never change what its assignment and delete check, so a group that keeps
/// receiving devices can still be moved and deleted. Each test puts a device registration between every read and
/// write of the operation, as a steady stream would, a bounded number of times.
/// </summary>
[Collection(AzuriteCollection.Name)]
public class BusyGroupTests(AzuriteFixture azurite)
{
    private readonly string _account = AzuriteFixture.NewAccountId();

    private TenancyTables Tables(HttpPipelinePolicy? policy = null)
    {
        var options = new TableClientOptions();
        if (policy is not null) options.AddPolicy(policy, HttpPipelinePosition.PerCall);
        return new TenancyTables(new TableServiceClient(azurite.ConnectionString, options));
    }

    private async Task<string> TenantAsync(string name)
    {
        var tenant = TenantService.Build(new NewTenantRequest(name, null, [new ContactFields("Ann", null, null, null, null, null, null)]),
            Ids.New("tnt"), TenantOrigin.Console, DateTimeOffset.UtcNow, new FieldErrors(), throwOnErrors: true);
        return (await new TableTenantStore(Tables()).CreateAsync(_account, tenant, [], null, default)).Id;
    }

    private Func<Task> Register(string groupId, List<string> registered) => async () =>
    {
        var device = await new TableDeviceGroupStore(Tables()).CreateDeviceAsync(_account, new Device(Ids.New("dev"), "D", groupId, null, DateTimeOffset.UtcNow), null, default);
        registered.Add(device.Id);
    };

    [Fact]
    public async Task A_group_that_receives_a_device_between_every_read_and_write_can_be_reassigned()
    {
        var (a, b) = (await TenantAsync("A"), await TenantAsync("B"));
        var group = await new TableDeviceGroupStore(Tables()).CreateAsync(_account, new DeviceGroup(Ids.New("grp"), "Busy", a, 0, DateTimeOffset.UtcNow), null, default);
        var registered = new List<string>();
        var busy = new TableDeviceGroupStore(Tables(new BeforeWritesPolicy(ConcurrencyRetry.MaxAttempts, Register(group.Id, registered))));

        await new DeviceGroupService(busy, TimeProvider.System).AssignAsync(_account, b, [group.Id], confirmReassign: true, default);

        var tenants = new TableTenantStore(Tables());
        Assert.Empty((await tenants.FindAsync(_account, a, default))!.Groups);
        var moved = Assert.Single((await tenants.FindAsync(_account, b, default))!.Groups);
        Assert.Equal((group.Id, registered.Count), (moved.Id, moved.DeviceCount));
        Assert.NotEmpty(registered);
    }

    [Fact]
    public async Task A_group_that_receives_a_device_just_before_it_is_deleted_is_deleted()
    {
        var tenant = await TenantAsync("A");
        var group = await new TableDeviceGroupStore(Tables()).CreateAsync(_account, new DeviceGroup(Ids.New("grp"), "Busy", tenant, 0, DateTimeOffset.UtcNow), null, default);
        var registered = new List<string>();
        var busy = new TableDeviceGroupStore(Tables(new BeforeWritesPolicy(1, Register(group.Id, registered))));

        Assert.True(await busy.DeleteAsync(_account, group.Id, withDevices: false, null, default));

        var store = new TableDeviceGroupStore(Tables());
        Assert.Null(await store.FindAsync(_account, group.Id, default));
        Assert.Null((await store.FindDeviceAsync(_account, Assert.Single(registered), default))!.GroupId);
        var after = (await new TableTenantStore(Tables()).FindAsync(_account, tenant, default))!;
        Assert.Equal((0, 0), (after.Groups.Count, after.DeviceGroupCount));
    }

    /// <summary>Runs <paramref name="before"/> (another client's write) before each of the first <paramref name="times"/> writes.</summary>
    private sealed class BeforeWritesPolicy(int times, Func<Task> before) : HttpPipelinePolicy
    {
        private int _seen;

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            if (message.Request.Method != RequestMethod.Get && Interlocked.Increment(ref _seen) <= times) await before();
            await ProcessNextAsync(message, pipeline);
        }

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
            throw new NotSupportedException("The table client is used asynchronously only.");
    }
}
