using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs.Models;
using Tenancy.Core.PersonalData;
using Tenancy.Storage.Imports;
using Tenancy.Storage.Tables;

namespace Tenancy.Storage.PersonalData;

/// <summary>
/// Retention in storage: kept files by their creation time, ticket rows by the time the service stamped them
/// (<c>Timestamp</c>: an assignment and its sender row are written in one transaction, so they age together).
/// </summary>
public sealed class StorageRetention(TenancyTables tables, BlobImportFileStore files) : IRetentionStore
{
    public async Task<int> DeleteImportFilesBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        var deleted = 0;
        await foreach (var blob in files.Container.GetBlobsAsync(BlobTraits.None, BlobStates.None, null, cancellationToken))
        {
            if ((blob.Properties.CreatedOn ?? blob.Properties.LastModified) is not { } created || created >= cutoff) continue;
            if (await files.Container.DeleteBlobIfExistsAsync(blob.Name, cancellationToken: cancellationToken)) deleted++;
        }
        return deleted;
    }

    public async Task<int> DeleteTicketAssignmentsBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        var deleted = 0;
        var filter = $"Timestamp lt datetime'{cutoff.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture)}'";
        await foreach (var row in tables.Tickets.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            try
            {
                await tables.Tickets.DeleteEntityAsync(row.PartitionKey, row.RowKey, ETag.All, cancellationToken);
                deleted++;
            }
            catch (RequestFailedException ex) when (ex.Status == 404)
            {
                // Deleted meanwhile (by another run, or an erasure): nothing left to do.
            }
        }
        return deleted;
    }
}
