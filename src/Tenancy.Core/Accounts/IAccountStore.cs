namespace Tenancy.Core.Accounts;

/// <summary>Whose a key is: the account's own key (no agent), or an agent's of that account.</summary>
public sealed record KeyHolder(Account Account, string? AgentId);

public interface IAccountStore
{
    Task CreateAsync(Account account, string apiKeyHash, CancellationToken cancellationToken);

    /// <summary>
    /// Adds a key to an account, or to one of its agents (its row in the account's data first, with the entry when
    /// there is one, in one transaction; then the lookup row).
    /// </summary>
    Task AddKeyAsync(string accountId, string apiKeyHash, Audit.AuditEntry? audit, CancellationToken cancellationToken, string? agentId = null);

    /// <summary>Deletes a key: its row in the account's data first, so that the next write by it fails, then the lookup row.</summary>
    Task RevokeKeyAsync(string accountId, string apiKeyHash, CancellationToken cancellationToken);

    Task<KeyHolder?> FindByApiKeyHashAsync(string apiKeyHash, CancellationToken cancellationToken);

    Task<Account?> FindAsync(string accountId, CancellationToken cancellationToken);

    Task<IReadOnlyList<Account>> ListAsync(CancellationToken cancellationToken);
}
