using Moq;
using Tenancy.Core.Audit;
using Tenancy.Core.Common;
using Tenancy.Core.Tenants;

namespace Tenancy.Core.Tests.Tenants;

public class TenantMutatorTests
{
    private static Tenant Stored(string etag) =>
        new("tnt_1", "Contoso", null, [], [], TenantOrigin.Console, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, etag);

    [Fact]
    public async Task Retries_a_lost_race_on_fresh_data_when_the_caller_sent_no_If_Match()
    {
        var store = new Mock<ITenantStore>();
        store.SetupSequence(s => s.FindAsync("acc", "tnt_1", It.IsAny<CancellationToken>()))
            .ReturnsAsync(Stored("v1")).ReturnsAsync(Stored("v2"));
        store.SetupSequence(s => s.UpdateAsync("acc", It.IsAny<Tenant>(), It.IsAny<Tenant>(), It.IsAny<AuditEntry?>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new ConcurrencyException("race"))
            .ReturnsAsync(Stored("v3"));

        var result = await new TenantMutator(store.Object).MutateAsync("acc", "tnt_1", null, t => t with { Notes = "x" }, Audit, CancellationToken.None);

        Assert.Equal("v3", result.ETag);
        store.Verify(s => s.UpdateAsync("acc", It.Is<Tenant>(t => t.ETag == "v2"), It.IsAny<Tenant>(), It.IsAny<AuditEntry?>(), It.IsAny<CancellationToken>()));
    }

    private static AuditEntry Audit(Tenant before, Tenant after) =>
        AuditEntry.Of(DateTimeOffset.UnixEpoch, AuditActions.TenantUpdated, AuditTargets.Tenant, before.Id, before, after);

    [Fact]
    public async Task A_retried_attempt_hands_the_store_an_entry_of_its_own_before_and_after()
    {
        var store = new Mock<ITenantStore>();
        store.SetupSequence(s => s.FindAsync("acc", "tnt_1", It.IsAny<CancellationToken>()))
            .ReturnsAsync(Stored("v1")).ReturnsAsync(Stored("v2") with { Notes = "changed meanwhile" });
        var entries = new List<AuditEntry?>();
        store.SetupSequence(s => s.UpdateAsync("acc", It.IsAny<Tenant>(), It.IsAny<Tenant>(), Capture.In(entries), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new ConcurrencyException("race"))
            .ReturnsAsync(Stored("v3"));

        await new TenantMutator(store.Object).MutateAsync("acc", "tnt_1", null, t => t with { Name = "Renamed" }, Audit, CancellationToken.None);

        Assert.Equal(2, entries.Count);
        Assert.NotEqual(entries[0]!.Id, entries[1]!.Id);
        Assert.Contains("changed meanwhile", entries[1]!.Before);
        Assert.DoesNotContain("changed meanwhile", entries[0]!.Before);
    }

    [Fact]
    public async Task A_stale_If_Match_is_refused_without_writing()
    {
        var store = new Mock<ITenantStore>();
        store.Setup(s => s.FindAsync("acc", "tnt_1", It.IsAny<CancellationToken>())).ReturnsAsync(Stored("v2"));

        await Assert.ThrowsAsync<PreconditionFailedException>(() =>
            new TenantMutator(store.Object).MutateAsync("acc", "tnt_1", "v1", t => t with { Notes = "x" }, Audit, CancellationToken.None));
        store.Verify(s => s.UpdateAsync(It.IsAny<string>(), It.IsAny<Tenant>(), It.IsAny<Tenant>(), It.IsAny<AuditEntry?>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task A_race_lost_with_If_Match_is_a_precondition_failure()
    {
        var store = new Mock<ITenantStore>();
        store.Setup(s => s.FindAsync("acc", "tnt_1", It.IsAny<CancellationToken>())).ReturnsAsync(Stored("v1"));
        store.Setup(s => s.UpdateAsync("acc", It.IsAny<Tenant>(), It.IsAny<Tenant>(), It.IsAny<AuditEntry?>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new ConcurrencyException("race"));

        await Assert.ThrowsAsync<PreconditionFailedException>(() =>
            new TenantMutator(store.Object).MutateAsync("acc", "tnt_1", "v1", t => t with { Notes = "x" }, Audit, CancellationToken.None));
    }

    [Fact]
    public async Task Unknown_tenant_is_not_found()
    {
        var store = new Mock<ITenantStore>();

        await Assert.ThrowsAsync<NotFoundException>(() =>
            new TenantMutator(store.Object).MutateAsync("acc", "tnt_missing", null, t => t, Audit, CancellationToken.None));
    }
}
