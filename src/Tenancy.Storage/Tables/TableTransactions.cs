using System.Text;
using Azure;
using Azure.Data.Tables;
using Tenancy.Core.Accounts;
using Tenancy.Storage.Accounts;

namespace Tenancy.Storage.Tables;

/// <summary>Submits one entity group transaction after checking the service's limits, and explains failures.</summary>
public static class TableTransactions
{
    public static async Task<IReadOnlyList<Response>> SubmitAsync(TableClient table, IReadOnlyList<TableTransactionAction> actions, CancellationToken cancellationToken)
    {
        if (actions.Count == 0) return [];
        if (actions.Select(a => a.Entity.PartitionKey).Distinct().Count() > 1)
            throw new InvalidOperationException("An entity group transaction must stay in one partition.");
        // A request's write also checks that the caller's key still exists (KeyRows), last, so that responses keep
        // the indices of the caller's actions.
        var check = KeyRows.CheckFor(table, actions[0].Entity.PartitionKey);
        var sent = check is null ? actions : [.. actions, check];
        TransactionLimits.Check(sent.Count, sent.Sum(a => ApproximateSize(a.Entity)));
        try
        {
            var response = await table.SubmitTransactionAsync(sent, cancellationToken);
            return response.Value;
        }
        catch (TableTransactionFailedException ex) when (check is not null && ex.Status == 404 && ex.FailedTransactionActionIndex == sent.Count - 1)
        {
            throw new KeyRevokedException(CallerScope.Current!.KeyHash);
        }
    }

    /// <summary>The action that made a transaction fail, when the service says which.</summary>
    public static TableTransactionAction? FailedAction(TableTransactionFailedException ex, IReadOnlyList<TableTransactionAction> actions) =>
        ex.FailedTransactionActionIndex is int i && i >= 0 && i < actions.Count ? actions[i] : null;

    public static bool IsConflict(RequestFailedException ex) => ex.Status == 409;
    public static bool IsStale(RequestFailedException ex) => ex.Status == 412;

    private static long ApproximateSize(ITableEntity entity) => entity is TableEntity e
        ? e.Sum(p => Encoding.UTF8.GetByteCount(p.Key) + (p.Value is string s ? Encoding.UTF8.GetByteCount(s) * 2L : 16))
        : 1024;
}
