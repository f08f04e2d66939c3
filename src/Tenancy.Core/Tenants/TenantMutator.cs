using Tenancy.Core.Common;

namespace Tenancy.Core.Tenants;

/// <summary>
/// Read, change, write with optimistic concurrency. With the caller's <c>If-Match</c>, a stale tag is a
/// <see cref="PreconditionFailedException"/>; without one, a lost race is retried on fresh data.
/// </summary>
public sealed class TenantMutator(ITenantStore store)
{
    private const int Attempts = 8;

    public async Task<Tenant> MutateAsync(
        string accountId, string tenantId, string? ifMatch, Func<Tenant, Tenant> change, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var before = await GetAsync(accountId, tenantId, cancellationToken);
            if (ifMatch is not null && ifMatch != "*" && ifMatch != before.ETag)
                throw new PreconditionFailedException("The tenant has changed since you read it (If-Match is stale).");

            var after = change(before);
            if (after == before) return before;
            try
            {
                return await store.UpdateAsync(accountId, before, after, cancellationToken);
            }
            catch (ConcurrencyException) when (ifMatch is null || ifMatch == "*")
            {
                if (attempt == Attempts) throw;
                await Task.Delay(Random.Shared.Next(5, 20 * attempt), cancellationToken);
            }
            catch (ConcurrencyException)
            {
                throw new PreconditionFailedException("The tenant has changed since you read it (If-Match is stale).");
            }
        }
    }

    public async Task<Tenant> GetAsync(string accountId, string tenantId, CancellationToken cancellationToken) =>
        (Ids.LooksValid(tenantId) ? await store.FindAsync(accountId, tenantId, cancellationToken) : null)
        ?? throw new NotFoundException($"Tenant '{tenantId}' was not found.");
}
