using Azure;
using Azure.Data.Tables;
using Tenancy.Core.Accounts;
using Tenancy.Storage.Tables;

namespace Tenancy.Storage.Accounts;

/// <summary>
/// A key's row in its account's partition of the tenancy table, <c>K|{sha256 of key}</c>: it exists while the key is
/// valid. Every write transaction of a request merges it with <c>If-Match: *</c> (which changes nothing that anyone
/// checks, and fails with 404 once the key is deleted), so a revoked key cannot write, on any instance, from the
/// moment its row is gone. Room is kept for it in every transaction (<see cref="TransactionLimits.MaxOwnActions"/>).
/// </summary>
public static class KeyRows
{
    public const string Prefix = "K|";

    public static string Key(string apiKeyHash) => Prefix + apiKeyHash;

    public static TableEntity Entity(string accountId, string apiKeyHash) => new(accountId, Key(apiKeyHash)) { ["KeyHash"] = apiKeyHash };

    /// <summary>The check a write of the caller's account carries, or null when there is no caller (a message handler).</summary>
    public static TableTransactionAction? CheckFor(TableClient table, string partitionKey) =>
        CallerScope.Current is { } caller && caller.Account.Id == partitionKey && table.Name == TableNames.Tenancy
            ? new TableTransactionAction(TableTransactionActionType.UpdateMerge, new TableEntity(partitionKey, Key(caller.KeyHash)), ETag.All)
            : null;
}
