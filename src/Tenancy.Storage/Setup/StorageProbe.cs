using Azure.Data.Tables;
using Tenancy.Core.Common;
using Tenancy.Storage.Tables;

namespace Tenancy.Storage.Setup;

/// <summary>
/// Asks the accounts table for a row that never exists: one cheap call that needs only the data role the app has,
/// on a client of its own without retries, so that a health check answers within seconds when storage is away.
/// </summary>
public sealed class StorageProbe(StorageOptions storage) : IStorageProbe
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    private readonly TableClient _table = StorageClients.Tables(storage, retry =>
    {
        retry.MaxRetries = 0;
        retry.NetworkTimeout = Timeout;
    }).GetTableClient(TableNames.Accounts);

    public async Task<bool> IsReachableAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            await foreach (var _ in _table.QueryAsync<TableEntity>("PartitionKey eq '~health'", maxPerPage: 1, select: ["PartitionKey"], cancellationToken: timeout.Token).AsPages())
                break;
            return true;
        }
        catch (Exception ex) when (ex is Azure.RequestFailedException or OperationCanceledException or AggregateException && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
