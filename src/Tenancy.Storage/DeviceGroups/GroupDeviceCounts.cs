using Azure;
using Azure.Data.Tables;
using Tenancy.Storage.Tables;
using Tenancy.Storage.Tenants;
using static Tenancy.Storage.DeviceGroups.DeviceGroupRows;

namespace Tenancy.Storage.DeviceGroups;

/// <summary>
/// A group's device count without a hot row, and without touching the group row: device writes never change the
/// ETag that assignment and delete check, so a busy group can still be moved or deleted.
/// A device write adds a delta row <c>G|{groupId}|n|{deltaId}</c> (+1 or -1) and merges <c>CountPending</c>, with
/// <c>If-Match: *</c>, into the group's count row <c>G|{groupId}|c</c> (which fails, 404, once the group is deleted)
/// and into the group's entry under its tenant (which fails once the group has moved: the write re-reads and
/// retries). The exact count is the count row's <c>DeviceCount</c> plus the deltas, read with the group row in one
/// range query. A fold adds the deltas into the count row and the tenant's entry and deletes them, guarded by the
/// count row's ETag, so it only lands when no device write came in between. Folding is an optimisation: a failed fold
/// leaves the count just as exact.
/// </summary>
public static class GroupDeviceCounts
{
    /// <summary>Reads fold a group whose pending deltas reach this many.</summary>
    public const int FoldAt = 32;

    /// <summary>One in this many device writes tries to fold its group afterwards.</summary>
    public const int FoldEveryWrites = 16;

    private const int MaxDeltasPerFold = TransactionLimits.MaxOwnActions - 2;

    public static string CountKey(string groupId) => RowKeys.Join("G", groupId, "c");
    public static string DeltasPrefix(string groupId) => RowKeys.Join("G", groupId, "n", "");

    /// <summary>A new group's count row.</summary>
    public static TableEntity CountEntity(string accountId, string groupId) => new(accountId, CountKey(groupId))
    {
        ["DeviceCount"] = 0,
        ["CountPending"] = false,
    };

    /// <summary>The actions that count a device into (+1) or out of (-1) a group that belongs to <paramref name="tenantId"/>.</summary>
    public static IEnumerable<TableTransactionAction> Change(string accountId, string groupId, string? tenantId, int delta)
    {
        yield return new(TableTransactionActionType.UpdateMerge, new TableEntity(accountId, CountKey(groupId)) { ["CountPending"] = true }, ETag.All);
        yield return new(TableTransactionActionType.Add, new TableEntity(accountId, DeltasPrefix(groupId) + Guid.CreateVersion7().ToString("N")) { ["Delta"] = delta });
        if (tenantId is not null)
            yield return new(TableTransactionActionType.UpdateMerge,
                new TableEntity(accountId, TenantRows.GroupRefKey(tenantId, groupId)) { ["CountPending"] = true }, ETag.All);
    }

    public static bool IsDelta(TableEntity row) => row.ContainsKey("Delta");

    /// <summary>A group's rows: the group, its count row and its pending deltas.</summary>
    public sealed record GroupRows(TableEntity Group, TableEntity? CountRow, List<TableEntity> Deltas)
    {
        /// <summary>The exact count: the folded count plus the pending deltas.</summary>
        public int Count => Math.Max(0, (CountRow?.GetInt32("DeviceCount") ?? 0) + Deltas.Sum(d => d.GetInt32("Delta") ?? 0));
    }

    /// <summary>The group row, its count row and its pending deltas, in one range query; null when there is no group row.</summary>
    public static async Task<GroupRows?> ReadAsync(TableClient table, string accountId, string groupId, CancellationToken cancellationToken)
    {
        TableEntity? group = null;
        TableEntity? count = null;
        var deltas = new List<TableEntity>();
        var key = GroupKey(groupId);
        var countKey = CountKey(groupId);
        // Group ids have one length, so this prefix holds the group's own rows only.
        await foreach (var row in table.QueryAsync<TableEntity>(RowKeys.PrefixFilter(accountId, key), cancellationToken: cancellationToken))
        {
            if (row.RowKey == key) group = row;
            else if (row.RowKey == countKey) count = row;
            else if (IsDelta(row)) deltas.Add(row);
        }
        return group is null ? null : new GroupRows(group, count, deltas);
    }

    /// <summary>
    /// Folds pending deltas into the count row and the tenant's entry when no device write came in since they were
    /// read; best effort. <paramref name="entryPending"/>: the tenant's entry is marked pending even without deltas
    /// (as a move leaves it).
    /// </summary>
    public static async Task TryFoldAsync(TableClient table, GroupRows rows, bool entryPending, CancellationToken cancellationToken)
    {
        var countPending = rows.CountRow?.GetBoolean("CountPending") == true;
        if (rows.CountRow is null || (rows.Deltas.Count == 0 && !countPending && !entryPending)) return;
        var folded = rows.Deltas.Take(MaxDeltasPerFold).ToList();
        var count = (rows with { Deltas = folded }).Count;
        var allFolded = folded.Count == rows.Deltas.Count;
        var actions = new List<TableTransactionAction>
        {
            new(TableTransactionActionType.UpdateMerge, new TableEntity(rows.CountRow.PartitionKey, rows.CountRow.RowKey)
            {
                ["DeviceCount"] = count,
                ["CountPending"] = !allFolded,
            }, rows.CountRow.ETag),
        };
        actions.AddRange(folded.Select(d => new TableTransactionAction(TableTransactionActionType.Delete, d, ETag.All)));
        var tenantId = NullIfEmpty(rows.Group.GetString("TenantId"));
        if (tenantId is not null && !IsDeleting(rows.Group))
            actions.Add(new(TableTransactionActionType.UpdateMerge, new TableEntity(rows.Group.PartitionKey, TenantRows.GroupRefKey(tenantId, ReadGroup(rows.Group).Id))
            {
                ["DeviceCount"] = count,
                ["CountPending"] = !allFolded,
            }, ETag.All));
        try
        {
            await TableTransactions.SubmitAsync(table, actions, cancellationToken);
        }
        catch (TableTransactionFailedException ex) when (ex.Status is 404 or 409 or 412)
        {
            // A device write, a move or another fold came first; the deltas stay and still count.
        }
    }
}
