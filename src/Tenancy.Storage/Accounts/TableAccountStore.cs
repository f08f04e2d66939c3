using Azure;
using Azure.Data.Tables;
using Tenancy.Core.Accounts;
using Tenancy.Storage.Tables;

namespace Tenancy.Storage.Accounts;

/// <summary>
/// Accounts in the accounts table: <c>account/{accountId}</c> rows, and <c>apikey/{sha256 of key}</c> rows
/// that point at them; each key also has its row in the account's data (<see cref="KeyRows"/>), which writes check.
/// The key itself is never stored.
/// </summary>
public sealed class TableAccountStore(TenancyTables tables) : IAccountStore
{
    private const string AccountPartition = "account";

    /// <summary>The key index: a key's hash, or a linked identity's (<see cref="Core.Identity.PersonIdentity.KeyHash"/>), to its account and agent.</summary>
    public const string KeyPartition = "apikey";

    public async Task CreateAsync(Account account, string apiKeyHash, CancellationToken cancellationToken)
    {
        // Two partitions, so two writes: the key row last, so a key never points at a missing account.
        await tables.Accounts.AddEntityAsync(new TableEntity(AccountPartition, account.Id)
        {
            ["Name"] = account.Name,
            ["Plan"] = account.Plan.ToString(),
            ["CreatedAt"] = account.CreatedAt,
        }, cancellationToken);
        await AddKeyAsync(account.Id, apiKeyHash, null, cancellationToken);
    }

    public async Task AddKeyAsync(string accountId, string apiKeyHash, Core.Audit.AuditEntry? audit, CancellationToken cancellationToken, string? agentId = null)
    {
        // The key's row in the account's data before the lookup row: a key that authenticates can always write. A
        // rotation's entry goes with it (and the rotating caller's key check: only a valid key adds one).
        List<TableTransactionAction> actions = [new(TableTransactionActionType.UpsertReplace, KeyRows.Entity(accountId, apiKeyHash))];
        if (audit is not null) actions.Add(Audit.AuditRows.Append(accountId, audit));
        await TableTransactions.SubmitAsync(tables.Tenancy, actions, cancellationToken);
        await tables.Accounts.UpsertEntityAsync(new TableEntity(KeyPartition, apiKeyHash) { ["AccountId"] = accountId, ["AgentId"] = agentId ?? "" }, TableUpdateMode.Replace, cancellationToken);
    }

    public async Task RevokeKeyAsync(string accountId, string apiKeyHash, CancellationToken cancellationToken)
    {
        await tables.Tenancy.DeleteEntityAsync(accountId, KeyRows.Key(apiKeyHash), ETag.All, cancellationToken);
        await tables.Accounts.DeleteEntityAsync(KeyPartition, apiKeyHash, ETag.All, cancellationToken);
    }

    public async Task<KeyHolder?> FindByApiKeyHashAsync(string apiKeyHash, CancellationToken cancellationToken)
    {
        var key = await tables.Accounts.GetEntityIfExistsAsync<TableEntity>(KeyPartition, apiKeyHash, cancellationToken: cancellationToken);
        if (!key.HasValue) return null;
        var account = await FindAsync(key.Value!.GetString("AccountId"), cancellationToken);
        var agentId = key.Value.GetString("AgentId");
        return account is null ? null : new KeyHolder(account, string.IsNullOrEmpty(agentId) ? null : agentId);
    }

    public async Task<Account?> FindAsync(string accountId, CancellationToken cancellationToken)
    {
        var row = await tables.Accounts.GetEntityIfExistsAsync<TableEntity>(AccountPartition, accountId, cancellationToken: cancellationToken);
        return row.HasValue ? Read(row.Value!) : null;
    }

    public async Task<IReadOnlyList<Account>> ListAsync(CancellationToken cancellationToken)
    {
        var accounts = new List<Account>();
        await foreach (var row in tables.Accounts.QueryAsync<TableEntity>($"PartitionKey eq '{AccountPartition}'", cancellationToken: cancellationToken))
            accounts.Add(Read(row));
        return accounts;
    }

    private static Account Read(TableEntity row) => new(
        row.RowKey, row.GetString("Name"), Enum.Parse<Plan>(row.GetString("Plan")), row.GetDateTimeOffset("CreatedAt") ?? default);
}
