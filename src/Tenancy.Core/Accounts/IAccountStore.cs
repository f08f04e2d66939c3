namespace Tenancy.Core.Accounts;

public interface IAccountStore
{
    Task CreateAsync(Account account, string apiKeyHash, CancellationToken cancellationToken);

    Task<Account?> FindByApiKeyHashAsync(string apiKeyHash, CancellationToken cancellationToken);

    Task<Account?> FindAsync(string accountId, CancellationToken cancellationToken);

    Task<IReadOnlyList<Account>> ListAsync(CancellationToken cancellationToken);
}
