using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Tenancy.Core.Imports;
using Tenancy.Storage.Tables;

namespace Tenancy.Storage.Imports;

/// <summary>
/// An import's bookkeeping in the imports table: <c>L|{importId}|{chunk:D6}|{tenantId}</c>, one row per tenant the
/// import created or updated, with the snapshots as JSON (<see cref="LongText"/>). A chunk's entries are one range.
/// </summary>
public sealed class TableImportLedger(TenancyTables tables) : IImportLedger
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private TableClient Table => tables.Imports;

    public static string Prefix(string importId) => $"L|{importId}|";

    public async Task<LedgerEntry?> FindAsync(string accountId, string importId, int chunk, string tenantId, CancellationToken cancellationToken)
    {
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(accountId, Key(importId, chunk, tenantId), cancellationToken: cancellationToken);
        return row.HasValue ? Read(row.Value!) : null;
    }

    public async Task<LedgerEntry> AddAsync(string accountId, string importId, int chunk, LedgerEntry entry, CancellationToken cancellationToken)
    {
        try
        {
            await Table.AddEntityAsync(Row(accountId, importId, chunk, entry), cancellationToken);
            return entry;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return await FindAsync(accountId, importId, chunk, entry.TenantId, cancellationToken) ?? entry;
        }
    }

    public async Task SaveAsync(string accountId, string importId, int chunk, IReadOnlyList<LedgerEntry> entries, CancellationToken cancellationToken)
    {
        // Snapshots are bounded by a tenant's limits (30 contacts on create), but a batch is still kept well under 4 MiB.
        foreach (var batch in entries.Chunk(10))
            await TableTransactions.SubmitAsync(Table, batch.Select(e =>
                new TableTransactionAction(TableTransactionActionType.UpsertReplace, Row(accountId, importId, chunk, e))).ToList(), cancellationToken);
    }

    public async Task<IReadOnlyList<LedgerEntry>> ListAsync(string accountId, string importId, int chunk, CancellationToken cancellationToken)
    {
        var entries = new List<LedgerEntry>();
        await foreach (var row in Table.QueryAsync<TableEntity>(RowKeys.PrefixFilter(accountId, ChunkPrefix(importId, chunk)), cancellationToken: cancellationToken))
            entries.Add(Read(row));
        return entries;
    }

    private static string ChunkPrefix(string importId, int chunk) => $"{Prefix(importId)}{chunk.ToString("D6", CultureInfo.InvariantCulture)}|";

    private static string Key(string importId, int chunk, string tenantId) => ChunkPrefix(importId, chunk) + tenantId;

    private static TableEntity Row(string accountId, string importId, int chunk, LedgerEntry entry)
    {
        var row = new TableEntity(accountId, Key(importId, chunk, entry.TenantId))
        {
            ["TenantName"] = entry.TenantName,
            ["Outcome"] = entry.Outcome.ToString(),
        };
        if (entry.Before is not null) LongText.Write(row, "Before", JsonSerializer.Serialize(entry.Before, Json));
        if (entry.After is not null) LongText.Write(row, "After", JsonSerializer.Serialize(entry.After, Json));
        return row;
    }

    private static LedgerEntry Read(TableEntity row) => new(
        row.RowKey[(row.RowKey.LastIndexOf('|') + 1)..], row.GetString("TenantName") ?? "", Enum.Parse<LedgerOutcome>(row.GetString("Outcome")),
        LongText.Read(row, "Before") is { } before ? JsonSerializer.Deserialize<TenantSnapshot>(before, Json) : null,
        LongText.Read(row, "After") is { } after ? JsonSerializer.Deserialize<TenantSnapshot>(after, Json) : null);
}
