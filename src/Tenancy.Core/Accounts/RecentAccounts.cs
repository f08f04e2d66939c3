using System.Collections.Concurrent;

namespace Tenancy.Core.Accounts;

/// <summary>
/// Accounts as read in the last <see cref="Lifetime"/>, for message handlers that name an account without a key
/// (ticket intake): a ticket costs no account read in the steady state. A plan change reaches them within the
/// lifetime. Never used to authenticate a key: a revoked key must fail on the very next request.
/// </summary>
public sealed class RecentAccounts(IAccountStore store, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, (Account? Account, DateTimeOffset ReadAt)> _accounts = new(StringComparer.Ordinal);

    public async Task<Account?> FindAsync(string accountId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (_accounts.TryGetValue(accountId, out var entry) && now - entry.ReadAt < Lifetime) return entry.Account;
        var account = await store.FindAsync(accountId, cancellationToken);
        // Unknown ids are not kept, so that a flood of made-up ids cannot grow the cache.
        if (account is not null) _accounts[accountId] = (account, now);
        return account;
    }
}
