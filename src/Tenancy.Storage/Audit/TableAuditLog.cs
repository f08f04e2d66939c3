using System.Text;
using Azure.Data.Tables;
using Tenancy.Core.Audit;
using Tenancy.Core.Common;
using Tenancy.Storage.Tables;

namespace Tenancy.Storage.Audit;

/// <summary>
/// Reads the audit log with every filter in the query: the time range is a key range (<see cref="AuditRows"/>), target
/// and actor are property filters (a target is also found where an entry lists it in <see cref="AuditEntry.AlsoUnder"/>). A page is read until it is full or the range ends, so a selective filter never gives
/// an empty page in the middle; the continuation token is the page's last key, opaque.
/// </summary>
public sealed class TableAuditLog(TenancyTables tables) : IAuditLog
{
    private TableClient Table => tables.Tenancy;

    public async Task<ResultPage<AuditEntry>> ListAsync(string accountId, AuditQuery query, PageRequest page, CancellationToken cancellationToken)
    {
        var after = page.ContinuationToken is null ? null : AfterKey(page.ContinuationToken);
        var filter = new StringBuilder($"PartitionKey eq '{Quote(accountId)}'");
        filter.Append(after is not null ? $" and RowKey gt '{after}'" : "");
        filter.Append($" and RowKey ge '{(query.To is { } to ? AuditRows.KeyBefore(to) : AuditRows.Prefix)}'");
        filter.Append($" and RowKey lt '{(query.From is { } from ? AuditRows.KeyBefore(from) : "U}")}'");
        if (query.TargetId is not null)
            filter.Append($" and (TargetId eq '{Quote(query.TargetId)}' or {AuditRows.AlsoUnderProperty(query.TargetId)} eq true)");
        if (query.ActorId is not null) filter.Append($" and ActorId eq '{Quote(query.ActorId)}'");

        var rows = new List<TableEntity>(page.PageSize + 1);
        await foreach (var row in Table.QueryAsync<TableEntity>(filter.ToString(), Math.Min(page.PageSize + 1, 1000), cancellationToken: cancellationToken))
        {
            rows.Add(row);
            if (rows.Count > page.PageSize) break;
        }
        var more = rows.Count > page.PageSize;
        if (more) rows.RemoveAt(rows.Count - 1);
        return new ResultPage<AuditEntry>(rows.Select(AuditRows.Read).ToList(), more ? Token(rows[^1].RowKey) : null);
    }

    public async Task AppendOnceAsync(string accountId, AuditEntry entry, CancellationToken cancellationToken)
    {
        try
        {
            await Table.AddEntityAsync(AuditRows.Entity(accountId, entry), cancellationToken);
        }
        catch (Azure.RequestFailedException ex) when (ex.Status == 409)
        {
            // Written before (by this path or another): the first entry stays.
        }
    }

    private static string Token(string rowKey) => ContinuationTokens.Wrap(rowKey)!;

    private static string AfterKey(string token)
    {
        var key = ContinuationTokens.Unwrap(token)!;
        var parts = key.Split('|');
        if (parts is ["U", { Length: 19 } ticks, var id] && ticks.All(char.IsAsciiDigit) && Ids.LooksValid(id)) return key;
        throw ValidationException.For("continuationToken", "The continuation token is not one this service issued.");
    }

    private static string Quote(string value) => value.Replace("'", "''");
}
