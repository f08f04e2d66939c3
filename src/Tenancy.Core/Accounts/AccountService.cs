using System.Collections.Concurrent;
using Tenancy.Core.Common;

namespace Tenancy.Core.Accounts;

public sealed record CreatedAccount(Account Account, string ApiKey);

/// <summary>
/// Accounts and their keys. A key that authenticated is kept for <see cref="KeyLifetime"/>, so that a request costs
/// no storage call to authenticate in the steady state. Revocation still takes effect on the very next write on every
/// instance: each write transaction of a request checks the key's row (<see cref="CallerScope"/>), and a write that
/// finds it gone is refused and forgets the key here at once. A read may pass for at most <see cref="KeyLifetime"/>
/// after the key was revoked, on an instance that authenticated it just before.
/// </summary>
public sealed class AccountService(IAccountStore store, TimeProvider clock)
{
    public static readonly TimeSpan KeyLifetime = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<string, (Caller Caller, DateTimeOffset ReadAt)> _keys = new(StringComparer.Ordinal);

    public async Task<CreatedAccount> CreateAsync(string name, Plan plan, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var cleanName = TextRules.Clean(name);
        if (cleanName is null) errors.Add("name", "An account name is required.");
        TextRules.MaxLength(errors, "name", cleanName, 128);
        errors.ThrowIfAny();

        var account = new Account(Ids.New("acc"), cleanName!, plan, clock.GetUtcNow());
        var apiKey = ApiKeys.New();
        await store.CreateAsync(account, ApiKeys.Hash(apiKey), cancellationToken);
        return new CreatedAccount(account, apiKey);
    }

    /// <summary>The caller a presented key belongs to, or null when the key is unknown.</summary>
    public async Task<Caller?> AuthenticateAsync(string? apiKey, CancellationToken cancellationToken)
    {
        if (!ApiKeys.LooksValid(apiKey)) return null;
        return await AuthenticateHashAsync(ApiKeys.Hash(apiKey!), null, cancellationToken);
    }

    /// <summary>The agent a person's identity is linked to (R14), as a caller; null when it is linked to none.</summary>
    public Task<Caller?> AuthenticateAsync(Identity.PersonIdentity identity, CancellationToken cancellationToken) =>
        AuthenticateHashAsync(identity.KeyHash, identity, cancellationToken);

    private async Task<Caller?> AuthenticateHashAsync(string hash, Identity.PersonIdentity? identity, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (_keys.TryGetValue(hash, out var kept) && now - kept.ReadAt < KeyLifetime) return kept.Caller;
        var holder = await store.FindByApiKeyHashAsync(hash, cancellationToken);
        if (holder is null)
        {
            // Unknown keys are not kept, so that a flood of made-up keys cannot grow the cache.
            _keys.TryRemove(hash, out _);
            return null;
        }
        // An identity stands only for an agent: an index entry without one is not a link.
        if (identity is not null && holder.AgentId is null) return null;
        var caller = new Caller(holder.Account, hash, holder.AgentId, null, identity);
        _keys[hash] = (caller, now);
        return caller;
    }

    /// <summary>Forgets a key that a write found revoked, so that this instance refuses its reads at once too.</summary>
    public void Forget(string keyHash) => _keys.TryRemove(keyHash, out _);

    /// <summary>Replaces an account's key: the new key works at once, the old one stops as described above.</summary>
    public async Task<string> RotateKeyAsync(string currentApiKey, CancellationToken cancellationToken)
    {
        var caller = await AuthenticateAsync(currentApiKey, cancellationToken)
            ?? throw new NotFoundException("The API key is not valid.");
        var apiKey = ApiKeys.New();
        // Recorded with the new key's row: no key and no hash in the entry, only that the account's key changed.
        var audit = Audit.AuditEntry.Of(clock.GetUtcNow(), Audit.AuditActions.AccountKeyRotated, Audit.AuditTargets.Account, caller.Account.Id, null, null);
        await store.AddKeyAsync(caller.Account.Id, ApiKeys.Hash(apiKey), audit, cancellationToken, caller.AgentId);
        await store.RevokeKeyAsync(caller.Account.Id, caller.KeyHash, cancellationToken);
        Forget(caller.KeyHash);
        return apiKey;
    }

    public static void RequireTenantsPlan(Account account)
    {
        if (!account.HasTenants)
            throw new PlanRequiredException(
                $"Account '{account.Name}' is on the {account.Plan} plan; tenants need the MSP plan.");
    }
}
