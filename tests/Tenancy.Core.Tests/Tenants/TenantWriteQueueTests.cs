using Moq;
using Tenancy.Core.Audit;
using Tenancy.Core.Common;
using Tenancy.Core.Tenants;

namespace Tenancy.Core.Tests.Tenants;

/// <summary>
/// Many writers of one tenant, none sending If-Match, all start before any read completes: the store below answers
/// every read with the version current when the read began, and refuses a write based on an older one, as Table
/// Storage does. Without a queue every writer but one would read the same version and lose its first race.
/// </summary>
public class TenantWriteQueueTests
{
    private const int Writers = 40;

    [Fact]
    public async Task Concurrent_writers_of_one_tenant_all_succeed_without_losing_a_race_and_every_change_is_kept()
    {
        var store = new OptimisticStore(new Tenant("tnt_1", "Contoso", null, [], [], TenantOrigin.Console, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, "v0"));
        var mutator = new TenantMutator(store.Mock.Object);

        var writes = Enumerable.Range(0, Writers)
            .Select(i => mutator.MutateAsync("acc", "tnt_1", null, t => t with { Domains = [.. t.Domains, $"d{i}.example"] }, Audit, CancellationToken.None))
            .ToList();
        store.OpenReads();
        await Task.WhenAll(writes);

        Assert.Equal(0, store.LostRaces);
        Assert.Equal(Enumerable.Range(0, Writers).Select(i => $"d{i}.example").Order(), store.Current.Domains.Order());
    }

    [Fact]
    public async Task Writers_of_different_tenants_do_not_wait_for_each_other()
    {
        var first = new OptimisticStore(new Tenant("tnt_1", "Contoso", null, [], [], TenantOrigin.Console, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, "v0"));
        var mutator = new TenantMutator(first.Mock.Object);
        var other = new Tenant("tnt_2", "Fabrikam", null, [], [], TenantOrigin.Console, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, "w0");
        first.Mock.Setup(s => s.FindAsync("acc", "tnt_2", It.IsAny<CancellationToken>())).ReturnsAsync(other);
        first.Mock.Setup(s => s.UpdateAsync("acc", It.Is<Tenant>(t => t.Id == "tnt_2"), It.IsAny<Tenant>(), It.IsAny<AuditEntry?>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string _, Tenant _, Tenant after, AuditEntry? _, CancellationToken _) => after with { ETag = "w1" });

        var blocked = mutator.MutateAsync("acc", "tnt_1", null, t => t with { Notes = "held" }, Audit, CancellationToken.None);
        var changed = await mutator.MutateAsync("acc", "tnt_2", null, t => t with { Notes = "free" }, Audit, CancellationToken.None);

        Assert.Equal("w1", changed.ETag);
        Assert.False(blocked.IsCompleted);
        first.OpenReads();
        await blocked;
    }

    private static AuditEntry Audit(Tenant before, Tenant after) =>
        AuditEntry.Of(DateTimeOffset.UnixEpoch, AuditActions.TenantUpdated, AuditTargets.Tenant, before.Id, before, after);

    private sealed class OptimisticStore
    {
        private readonly TaskCompletionSource _readsOpen = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly object _gate = new();
        private int _version;

        public OptimisticStore(Tenant initial)
        {
            Current = initial;
            Mock.Setup(s => s.FindAsync("acc", initial.Id, It.IsAny<CancellationToken>())).Returns(async () =>
            {
                Tenant seen;
                lock (_gate) seen = Current;
                await _readsOpen.Task;
                return seen;
            });
            Mock.Setup(s => s.UpdateAsync("acc", It.Is<Tenant>(t => t.Id == initial.Id), It.IsAny<Tenant>(), It.IsAny<AuditEntry?>(), It.IsAny<CancellationToken>()))
                .Returns((string _, Tenant before, Tenant after, AuditEntry? _, CancellationToken _) =>
                {
                    lock (_gate)
                    {
                        if (before.ETag != Current.ETag)
                        {
                            LostRaces++;
                            return Task.FromException<Tenant>(new ConcurrencyException("The tenant changed."));
                        }
                        Current = after with { ETag = $"v{++_version}" };
                        return Task.FromResult(Current);
                    }
                });
        }

        public Mock<ITenantStore> Mock { get; } = new();
        public Tenant Current { get; private set; }
        public int LostRaces { get; private set; }

        public void OpenReads() => _readsOpen.TrySetResult();
    }
}
