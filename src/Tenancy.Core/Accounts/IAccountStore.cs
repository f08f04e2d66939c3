namespace Tenancy.Core.Accounts;

public interface IAccountStore
{
    Task CreateAsync(Account account, string apiKeyHash, CancellationToken cancellationToken);

    /// <summary>
    /// Adds a key to an account (its row in the account's data first, with the entry when there is one, in one
    /// transaction; then the lookup row).
    /// </summary>
    Task AddKeyAsync(string accountId, string apiKeyHash, Audit.AuditEntry? audit, CancellationToken cancellationToken);

    /// <summary>Deletes a key: its row in the account's data first, so that the next write by it fails, then the lookup row.</summary>
    Task RevokeKeyAsync(string accountId, string apiKeyHash, CancellationToken cancellationToken);

    Task<Account?> FindByApiKeyHashAsync(string apiKeyHash, CancellationToken cancellationToken);

    Task<Account?> FindAsync(string accountId, CancellationToken cancellationToken);

    Task<IReadOnlyList<Account>> ListAsync(CancellationToken cancellationToken);
}
