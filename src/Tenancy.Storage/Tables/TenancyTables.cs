using Azure.Data.Tables;

namespace Tenancy.Storage.Tables;

/// <summary>The table clients of the service, made once from one <see cref="TableServiceClient"/>.</summary>
public sealed class TenancyTables(TableServiceClient service)
{
    public TableClient Accounts { get; } = service.GetTableClient(TableNames.Accounts);
    public TableClient Tenancy { get; } = service.GetTableClient(TableNames.Tenancy);
    public TableClient Imports { get; } = service.GetTableClient(TableNames.Imports);
    public TableClient Tickets { get; } = service.GetTableClient(TableNames.Tickets);

    public async Task CreateIfNotExistsAsync(CancellationToken cancellationToken)
    {
        foreach (var name in TableNames.All)
            await service.GetTableClient(name).CreateIfNotExistsAsync(cancellationToken);
    }
}
