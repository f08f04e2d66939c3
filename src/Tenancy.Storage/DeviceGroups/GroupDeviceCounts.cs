using Azure;
using Azure.Data.Tables;
using Tenancy.Storage.Tables;
using static Tenancy.Storage.DeviceGroups.DeviceGroupRows;

namespace Tenancy.Storage.DeviceGroups;

/// <summary>
/// A group's device count without a hot row. A device write does not rewrite the count: it adds a delta row
/// <c>G|{groupId}|n|{deltaId}</c> (+1 or -1) and merges <c>CountPending</c> into the group row with <c>If-Match: *</c>,
/// which fails (404) if the group was deleted meanwhile but never conflicts with another device write. The count is
/// the group row's <c>DeviceCount</c> plus its deltas, read in one range query; a fold adds the deltas into
/// <c>DeviceCount</c> and deletes them, guarded by the group row's ETag, so it only lands when no device write came
/// in between. Folding is an optimisation: a failed fold leaves the count just as exact.
/// </summary>
public static class GroupDeviceCounts
{
    /// <summary>Reads fold a group whose pending deltas reach this many.</summary>
    public const int FoldAt = 32;

    /// <summary>One in this many device writes tries to fold its group afterwards.</summary>
    public const int FoldEveryWrites = 16;

    private const int MaxDeltasPerFold = TransactionLimits.MaxActions - 1;

    public static string DeltasPrefix(string groupId) => RowKeys.Join("G", groupId, "n", "");

    /// <summary>The actions that count a device into (+1) or out of (-1) a group.</summary>
    public static IEnumerable<TableTransactionAction> Change(string accountId, string groupId, int delta) =>
    [
        new(TableTransactionActionType.UpdateMerge, new TableEntity(accountId, GroupKey(groupId)) { ["CountPending"] = true }, ETag.All),
        new(TableTransactionActionType.Add, new TableEntity(accountId, DeltasPrefix(groupId) + Guid.CreateVersion7().ToString("N")) { ["Delta"] = delta }),
    ];

    public static bool IsDelta(TableEntity row) => row.ContainsKey("Delta");

    /// <summary>The group row and its pending deltas, in one range query; null when there is no group row.</summary>
    public static async Task<(TableEntity Group, List<TableEntity> Deltas)?> ReadAsync(TableClient table, string accountId, string groupId, CancellationToken cancellationToken)
    {
        TableEntity? group = null;
        var deltas = new List<TableEntity>();
        var key = GroupKey(groupId);
        // Group ids have one length, so this prefix holds the group row and its deltas only.
        await foreach (var row in table.QueryAsync<TableEntity>(RowKeys.PrefixFilter(accountId, key), cancellationToken: cancellationToken))
        {
            if (row.RowKey == key) group = row;
            else if (IsDelta(row)) deltas.Add(row);
        }
        return group is null ? null : (group, deltas);
    }

    /// <summary>The exact count: the folded count plus the pending deltas.</summary>
    public static int Count(TableEntity group, IEnumerable<TableEntity> deltas) =>
        Math.Max(0, (group.GetInt32("DeviceCount") ?? 0) + deltas.Sum(d => d.GetInt32("Delta") ?? 0));

    public static bool IsPending(TableEntity group) => group.GetBoolean("CountPending") == true;

    /// <summary>Folds pending deltas into the group row when nothing wrote the group since it was read; best effort.</summary>
    public static async Task TryFoldAsync(TableClient table, TableEntity group, IReadOnlyList<TableEntity> deltas, CancellationToken cancellationToken)
    {
        if (deltas.Count == 0 && !IsPending(group)) return;
        var folded = deltas.Take(MaxDeltasPerFold).ToList();
        var actions = new List<TableTransactionAction>
        {
            new(TableTransactionActionType.UpdateMerge, new TableEntity(group.PartitionKey, group.RowKey)
            {
                ["DeviceCount"] = Count(group, folded),
                ["CountPending"] = folded.Count < deltas.Count,
            }, group.ETag),
        };
        actions.AddRange(folded.Select(d => new TableTransactionAction(TableTransactionActionType.Delete, d, ETag.All)));
        try
        {
            await TableTransactions.SubmitAsync(table, actions, cancellationToken);
        }
        catch (TableTransactionFailedException ex) when (ex.Status is 404 or 409 or 412)
        {
            // A device write or another fold came first; the deltas stay and still count.
        }
    }
}
