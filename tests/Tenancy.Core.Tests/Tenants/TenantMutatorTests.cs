using Moq;
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
        store.SetupSequence(s => s.UpdateAsync("acc", It.IsAny<Tenant>(), It.IsAny<Tenant>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new ConcurrencyException("race"))
            .ReturnsAsync(Stored("v3"));

        var result = await new TenantMutator(store.Object).MutateAsync("acc", "tnt_1", null, t => t with { Notes = "x" }, CancellationToken.None);

        Assert.Equal("v3", result.ETag);
        store.Verify(s => s.UpdateAsync("acc", It.Is<Tenant>(t => t.ETag == "v2"), It.IsAny<Tenant>(), It.IsAny<CancellationToken>()));
    }

    [Fact]
    public async Task A_stale_If_Match_is_refused_without_writing()
    {
        var store = new Mock<ITenantStore>();
        store.Setup(s => s.FindAsync("acc", "tnt_1", It.IsAny<CancellationToken>())).ReturnsAsync(Stored("v2"));

        await Assert.ThrowsAsync<PreconditionFailedException>(() =>
            new TenantMutator(store.Object).MutateAsync("acc", "tnt_1", "v1", t => t with { Notes = "x" }, CancellationToken.None));
        store.Verify(s => s.UpdateAsync(It.IsAny<string>(), It.IsAny<Tenant>(), It.IsAny<Tenant>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task A_race_lost_with_If_Match_is_a_precondition_failure()
    {
        var store = new Mock<ITenantStore>();
        store.Setup(s => s.FindAsync("acc", "tnt_1", It.IsAny<CancellationToken>())).ReturnsAsync(Stored("v1"));
        store.Setup(s => s.UpdateAsync("acc", It.IsAny<Tenant>(), It.IsAny<Tenant>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new ConcurrencyException("race"));

        await Assert.ThrowsAsync<PreconditionFailedException>(() =>
            new TenantMutator(store.Object).MutateAsync("acc", "tnt_1", "v1", t => t with { Notes = "x" }, CancellationToken.None));
    }

    [Fact]
    public async Task Unknown_tenant_is_not_found()
    {
        var store = new Mock<ITenantStore>();

        await Assert.ThrowsAsync<NotFoundException>(() =>
            new TenantMutator(store.Object).MutateAsync("acc", "tnt_missing", null, t => t, CancellationToken.None));
    }
}
