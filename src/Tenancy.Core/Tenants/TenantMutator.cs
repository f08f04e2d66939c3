using Tenancy.Core.Audit;
using Tenancy.Core.Common;
using Tenancy.Core.Common.Messages;

namespace Tenancy.Core.Tenants;

/// <summary>
/// Read, change, write with optimistic concurrency. With the caller's <c>If-Match</c>, a stale tag is a
/// <see cref="PreconditionFailedException"/>; without one, a lost race is retried on fresh data. The writes to one
/// tenant queue within the instance: a busy tenant's writers racing each other would exhaust the retries and answer
/// <c>409 concurrent-change</c> to callers who caused no conflict.
/// </summary>
public sealed class TenantMutator(ITenantStore store)
{
    private readonly KeyedWriteQueue _writes = new();

    public Task<Tenant> MutateAsync(
        string accountId, string tenantId, string? ifMatch, Func<Tenant, Tenant> change, Func<Tenant, Tenant, AuditEntry> audit,
        CancellationToken cancellationToken)
    {
        var guarded = ifMatch is not null && ifMatch != "*";
        return _writes.RunAsync($"{accountId}/{tenantId}", () => ConcurrencyRetry.RunAsync(async () =>
        {
            var before = await GetAsync(accountId, tenantId, cancellationToken);
            if (guarded && ifMatch != before.ETag) throw Stale();

            var after = change(before);
            if (after == before) return before;
            try
            {
                // Each attempt records its own before and after; only the attempt that commits writes its entry.
                return await store.UpdateAsync(accountId, before, after, audit(before, after), cancellationToken);
            }
            catch (ConcurrencyException) when (guarded)
            {
                throw Stale();
            }
        }, cancellationToken), cancellationToken);
    }

    private static PreconditionFailedException Stale() => new(ApiMessages.TenantStale.Text());

    /// <summary>The tenant; one outside the caller's reach is not found, exactly like a missing one (R10).</summary>
    public async Task<Tenant> GetAsync(string accountId, string tenantId, CancellationToken cancellationToken) =>
        (Ids.LooksValid(tenantId) && Access.AccessRule.Current.ReachesTenant(tenantId) ? await store.FindAsync(accountId, tenantId, cancellationToken) : null)
        ?? throw Access.NotFound.Tenant(tenantId);
}
