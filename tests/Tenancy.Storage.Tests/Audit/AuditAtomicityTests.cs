using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Tenancy.Core.Audit;
using Tenancy.Core.Common;
using Tenancy.Core.Contacts;
using Tenancy.Core.DeviceGroups;
using Tenancy.Core.Tenants;
using Tenancy.Storage.Audit;
using Tenancy.Storage.DeviceGroups;
using Tenancy.Storage.Tables;
using Tenancy.Storage.Tenants;
using Tenancy.TestSupport;

namespace Tenancy.Storage.Tests.Audit;

/// <summary>An entry commits with its change or not at all, and a retried change writes one entry.</summary>
[Collection(AzuriteCollection.Name)]
public class AuditAtomicityTests(AzuriteFixture azurite)
{
    private readonly string _account = AzuriteFixture.NewAccountId();
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    private TenancyTables Tables(HttpPipelinePolicy? fault = null)
    {
        var options = new TableClientOptions();
        options.Retry.MaxRetries = 0;
        if (fault is not null) options.AddPolicy(fault, HttpPipelinePosition.PerCall);
        return new TenancyTables(new TableServiceClient(azurite.ConnectionString, options));
    }

    private static Tenant NewTenant(string name) => new(Ids.New("tnt"), name, null,
        [new Contact(Ids.New("con"), "Ann", null, "ann@example.org", null, null, null, true, Now)], [], TenantOrigin.Console, Now, Now);

    private static AuditEntry Created(Tenant t) => AuditEntry.Of(Now, AuditActions.TenantCreated, AuditTargets.Tenant, t.Id, null, t);

    private Task<IReadOnlyList<AuditEntry>> EntriesAsync() => AllAsync(new TableAuditLog(Tables()), new AuditQuery(null, null, null, null));

    private async Task<IReadOnlyList<AuditEntry>> AllAsync(IAuditLog log, AuditQuery query) =>
        await PageRequest.ReadAllAsync(page => log.ListAsync(_account, query, page, CancellationToken.None));

    [Fact]
    public async Task A_failed_transaction_leaves_neither_the_change_nor_its_entry()
    {
        var tenant = NewTenant("Never written");
        var failing = new TableTenantStore(Tables(new FailingTransactionsPolicy(allowed: 0)));

        await Assert.ThrowsAnyAsync<Exception>(() => failing.CreateAsync(_account, tenant, [], Created(tenant), CancellationToken.None));

        Assert.Null(await new TableTenantStore(Tables()).FindAsync(_account, tenant.Id, CancellationToken.None));
        Assert.Empty(await EntriesAsync());
    }

    [Fact]
    public async Task A_change_and_its_entry_commit_together()
    {
        var tenant = NewTenant("Written");
        await new TableTenantStore(Tables()).CreateAsync(_account, tenant, [], Created(tenant), CancellationToken.None);

        var entry = Assert.Single(await EntriesAsync());
        Assert.Equal((AuditActions.TenantCreated, tenant.Id), (entry.Action, entry.TargetId));
    }

    [Fact]
    public async Task A_lost_race_retried_by_ConcurrencyRetry_writes_one_entry_with_the_before_of_the_attempt_that_won()
    {
        var store = new TableTenantStore(Tables());
        var tenant = NewTenant("Raced");
        await store.CreateAsync(_account, tenant, [], null, CancellationToken.None);
        var mutator = new TenantMutator(store);
        var attempts = 0;

        await mutator.MutateAsync(_account, tenant.Id, null, t =>
        {
            // The first attempt loses its race: another write changes the tenant between its read and its write.
            if (++attempts == 1)
                store.UpdateAsync(_account, t, t with { Notes = "changed meanwhile" }, null, CancellationToken.None).GetAwaiter().GetResult();
            return t with { Name = "Renamed" };
        }, (before, after) => AuditEntry.Of(Now, AuditActions.TenantUpdated, AuditTargets.Tenant, before.Id, before, after), CancellationToken.None);

        Assert.Equal(2, attempts);
        var entry = Assert.Single(await EntriesAsync());
        Assert.Contains("changed meanwhile", entry.Before);
        Assert.Contains("Renamed", entry.After);
    }

    [Fact]
    public async Task Tenants_created_again_by_a_redelivered_chunk_are_not_recorded_twice()
    {
        var store = new TableTenantStore(Tables());
        var tenants = Enumerable.Range(0, 5).Select(i => NewTenant($"Imported {i}")).ToList();
        AuditEntry Audit(Tenant t) => AuditEntry.Of(Now, AuditActions.TenantCreated, AuditTargets.Tenant, t.Id, null, t, "imp_redelivered");

        Assert.Empty(await store.CreateTogetherAsync(_account, tenants, Audit, CancellationToken.None));
        // The redelivery: every transaction meets the tenants already written, and each is retried alone.
        foreach (var alone in await store.CreateTogetherAsync(_account, tenants, Audit, CancellationToken.None))
            await store.CreateAsync(_account, alone, [], Audit(alone), CancellationToken.None);

        var entries = await EntriesAsync();
        Assert.Equal(tenants.Select(t => t.Id).Order(), entries.Select(e => e.TargetId).Order());
    }

    [Fact]
    public async Task A_tenant_delete_resumed_after_a_crash_records_the_delete_once()
    {
        var store = new TableTenantStore(Tables());
        var many = Enumerable.Range(0, 120).Select(i => new Contact($"con_{i:D4}", $"C{i}", null, null, null, null, null, i == 0, Now)).ToList();
        var tenant = NewTenant("Big") with { Contacts = [] };
        var created = await store.CreateAsync(_account, tenant with { Contacts = many.Take(60).ToList() }, [], null, CancellationToken.None);
        await store.UpdateAsync(_account, created, created with { Contacts = many }, null, CancellationToken.None);
        AuditEntry Deleted(Tenant t) => AuditEntry.Of(Now, AuditActions.TenantDeleted, AuditTargets.Tenant, t.Id, t, null);

        // The hide commits (with the entry), then the connection is lost; a second delete finishes the job.
        await Assert.ThrowsAnyAsync<Exception>(() => new TableTenantStore(Tables(new FailingTransactionsPolicy(allowed: 1)))
            .DeleteAsync(_account, tenant.Id, Deleted, CancellationToken.None));
        Assert.True(await store.DeleteAsync(_account, tenant.Id, Deleted, CancellationToken.None));

        var entry = Assert.Single(await EntriesAsync());
        Assert.Equal(AuditActions.TenantDeleted, entry.Action);
    }

    [Fact]
    public async Task A_group_delete_resumed_after_a_crash_records_the_delete_once()
    {
        var store = new TableDeviceGroupStore(Tables());
        var group = await store.CreateAsync(_account, new DeviceGroup(Ids.New("grp"), "Doomed", null, 0, Now), null, CancellationToken.None);
        for (var i = 0; i < 3; i++)
            await store.CreateDeviceAsync(_account, new Device(Ids.New("dev"), $"D{i}", group.Id, null, Now), null, CancellationToken.None);
        AuditEntry Deleted(DeviceGroup g) => AuditEntry.Of(Now, AuditActions.DeviceGroupDeleted, AuditTargets.DeviceGroup, g.Id, new { g.Id, g.DeviceCount }, null);

        // The hide commits (with the entry), then the connection is lost while the devices go; a second delete finishes.
        await Assert.ThrowsAnyAsync<Exception>(() => new TableDeviceGroupStore(Tables(new FailingTransactionsPolicy(allowed: 1)))
            .DeleteAsync(_account, group.Id, withDevices: true, Deleted, CancellationToken.None));
        Assert.True(await store.DeleteAsync(_account, group.Id, withDevices: true, Deleted, CancellationToken.None));

        var entry = Assert.Single(await EntriesAsync());
        Assert.Equal((AuditActions.DeviceGroupDeleted, group.Id), (entry.Action, entry.TargetId));
        Assert.Contains("\"deviceCount\":3", entry.Before);
    }
}
