using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs.Models;
using Tenancy.Core.Audit;
using Tenancy.Core.Imports;
using Tenancy.Core.PersonalData;
using Tenancy.Core.Tickets;
using Tenancy.Storage.Audit;
using Tenancy.Storage.Imports;
using Tenancy.Storage.Tables;
using Tenancy.Storage.Tickets;

namespace Tenancy.Storage.PersonalData;

/// <summary>
/// The places of personal data in storage (R15). The audit log and the import records are read whole for the account
/// (an erasure is rare; the audit log has no index by value); ticket assignments are found through their sender rows
/// (<see cref="TicketSenderRows"/>). A rewrite replaces the row with the ETag it was read with, and reads it again
/// when it changed meanwhile.
/// </summary>
public sealed class TablePersonalDataStore(TenancyTables tables, BlobImportFileStore files) : IPersonalDataStore
{
    public async Task<IReadOnlyList<AuditEntry>> FindAuditEntriesAsync(string accountId, PersonalTerms terms, int max, CancellationToken cancellationToken)
    {
        var found = new List<AuditEntry>();
        await foreach (var row in AuditRowsAsync(accountId, cancellationToken))
        {
            if (!StringProperties.Holds(row, terms)) continue;
            found.Add(AuditRows.Read(row));
            if (found.Count >= max) break;
        }
        return found;
    }

    public async Task<int> ScrubAuditEntriesAsync(string accountId, PersonalTerms terms, CancellationToken cancellationToken)
    {
        var count = 0;
        await foreach (var row in AuditRowsAsync(accountId, cancellationToken))
            if (await ScrubAsync(tables.Tenancy, row, terms, cancellationToken)) count++;
        return count;
    }

    public async Task<IReadOnlyList<ImportRecordTrace>> FindImportRecordsAsync(string accountId, PersonalTerms terms, CancellationToken cancellationToken)
    {
        var places = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        await foreach (var row in tables.Imports.QueryAsync<TableEntity>(PartitionFilter(accountId), cancellationToken: cancellationToken))
        {
            if (ImportOf(row.RowKey) is not { } importId || !StringProperties.Holds(row, terms)) continue;
            if (!places.TryGetValue(importId, out var set)) places[importId] = set = new SortedSet<string>(StringComparer.Ordinal);
            set.Add(PlaceOf(row.RowKey));
        }
        return places.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => new ImportRecordTrace(p.Key, p.Value.ToList())).ToList();
    }

    public async Task<IReadOnlyList<string>> ScrubImportRecordsAsync(string accountId, PersonalTerms terms, CancellationToken cancellationToken)
    {
        var jobs = new SortedSet<string>(StringComparer.Ordinal);
        await foreach (var row in tables.Imports.QueryAsync<TableEntity>(PartitionFilter(accountId), cancellationToken: cancellationToken))
        {
            if (ImportOf(row.RowKey) is { } importId && await ScrubAsync(tables.Imports, row, terms, cancellationToken)) jobs.Add(importId);
        }
        return jobs.ToList();
    }

    public async Task<IReadOnlyList<KeptImportFile>> ListImportFilesAsync(string accountId, CancellationToken cancellationToken)
    {
        var kept = new List<KeptImportFile>();
        await foreach (var blob in files.Container.GetBlobsAsync(BlobTraits.None, BlobStates.None, accountId + "/", cancellationToken))
        {
            kept.Add(new KeptImportFile(blob.Name, ImportProcessor.JobId(blob.Name, blob.Properties.ETag?.ToString() ?? ""),
                blob.Properties.CreatedOn ?? blob.Properties.LastModified ?? DateTimeOffset.MinValue));
        }
        return kept;
    }

    public async Task<byte[]?> ReadImportFileAsync(string blobName, CancellationToken cancellationToken)
    {
        try
        {
            return (await files.Container.GetBlobClient(blobName).DownloadContentAsync(cancellationToken)).Value.Content.ToArray();
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    public async Task DeleteImportFileAsync(string blobName, CancellationToken cancellationToken) =>
        await files.Container.DeleteBlobIfExistsAsync(blobName, cancellationToken: cancellationToken);

    public async Task<IReadOnlyList<TicketAssignment>> FindAssignmentsFromAsync(string accountId, string emailKey, CancellationToken cancellationToken)
    {
        var found = new List<TicketAssignment>();
        await foreach (var index in SenderRowsAsync(accountId, emailKey, cancellationToken))
        {
            var row = await tables.Tickets.GetEntityIfExistsAsync<TableEntity>(accountId, index.GetString("Ticket"), cancellationToken: cancellationToken);
            if (row.HasValue && TicketAssignment.FromJson(row.Value!.GetString("Assignment")) is { } assignment) found.Add(assignment);
        }
        return found;
    }

    public async Task<int> ForgetSenderAsync(string accountId, PersonalTerms terms, CancellationToken cancellationToken)
    {
        var count = 0;
        await foreach (var index in SenderRowsAsync(accountId, terms.EmailKey, cancellationToken))
        {
            var row = await tables.Tickets.GetEntityIfExistsAsync<TableEntity>(accountId, index.GetString("Ticket"), cancellationToken: cancellationToken);
            if (row.HasValue) await ScrubAsync(tables.Tickets, row.Value!, terms, cancellationToken);
            // The index row goes last: a crash before it leaves the ticket to be found and forgotten again.
            await tables.Tickets.DeleteEntityAsync(accountId, index.RowKey, ETag.All, cancellationToken);
            count++;
        }
        return count;
    }

    public async Task<ErasureRecord?> FindErasureAsync(string accountId, string emailKey, CancellationToken cancellationToken)
    {
        var row = await tables.Tenancy.GetEntityIfExistsAsync<TableEntity>(accountId, ErasureRows.Key(emailKey), cancellationToken: cancellationToken);
        return row.HasValue ? ErasureRows.Read(row.Value!) : null;
    }

    public async Task SaveErasureAsync(string accountId, ErasureRecord erasure, CancellationToken cancellationToken) =>
        await tables.Tenancy.UpsertEntityAsync(ErasureRows.Entity(accountId, erasure), TableUpdateMode.Replace, cancellationToken);

    public async Task DeleteErasureAsync(string accountId, string emailKey, CancellationToken cancellationToken) =>
        await tables.Tenancy.DeleteEntityAsync(accountId, ErasureRows.Key(emailKey), ETag.All, cancellationToken);

    /// <summary>Rewrites a row that holds the terms, guarded by its ETag; one changed meanwhile is read again and checked again.</summary>
    private static async Task<bool> ScrubAsync(TableClient table, TableEntity row, PersonalTerms terms, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (!StringProperties.Scrub(row, terms)) return false;
            try
            {
                await table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, cancellationToken);
                return true;
            }
            catch (RequestFailedException ex) when (ex.Status is 412 or 404)
            {
                var fresh = await table.GetEntityIfExistsAsync<TableEntity>(row.PartitionKey, row.RowKey, cancellationToken: cancellationToken);
                if (!fresh.HasValue) return false;
                row = fresh.Value!;
            }
        }
    }

    private IAsyncEnumerable<TableEntity> AuditRowsAsync(string accountId, CancellationToken cancellationToken) =>
        tables.Tenancy.QueryAsync<TableEntity>(RowKeys.PrefixFilter(accountId, AuditRows.Prefix), cancellationToken: cancellationToken);

    private IAsyncEnumerable<TableEntity> SenderRowsAsync(string accountId, string emailKey, CancellationToken cancellationToken) =>
        tables.Tickets.QueryAsync<TableEntity>(RowKeys.PrefixFilter(accountId, TicketSenderRows.PrefixOf(emailKey)), cancellationToken: cancellationToken);

    private static string PartitionFilter(string accountId) => $"PartitionKey eq '{RowKeys.Quote(accountId)}'";

    /// <summary>The job a row of the imports table belongs to (<see cref="TableImportJobStore"/> names the families).</summary>
    private static string? ImportOf(string rowKey) => rowKey.Split('|') switch
    {
        ["I", _, var id] => id,
        [_, var id, ..] when id.StartsWith("imp_", StringComparison.Ordinal) => id,
        _ => null,
    };

    private static string PlaceOf(string rowKey) => rowKey[..rowKey.IndexOf('|')] switch
    {
        "J" => "job",
        "V" or "K" => "errors",
        "R" => "errorReport",
        "L" => "ledger",
        "X" => "undo",
        var other => other,
    };
}
