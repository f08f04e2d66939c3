using Tenancy.Core.Common;

namespace Tenancy.Core.Access;

/// <summary>
/// Removes the grants that name a deleted tenant or device group (R10). They record no audit entry of their own: the
/// deletion's entry stands for them.
/// </summary>
public sealed class GrantCleanup(IAccessStore store, TimeProvider clock)
{
    public async Task RemoveNamingAsync(string accountId, string targetId, CancellationToken cancellationToken)
    {
        foreach (var grantId in await store.GrantIdsNamingAsync(accountId, targetId, cancellationToken))
            await ConcurrencyRetry.RunAsync(() => store.RemoveGrantAsync(accountId, grantId, clock.GetUtcNow(), cancellationToken), cancellationToken);
    }
}
