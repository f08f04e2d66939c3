using Azure.Data.Tables;
using Tenancy.Local.Azurite;
using Tenancy.Storage.Tables;
using Xunit;

namespace Tenancy.TestSupport;

/// <summary>A real Azurite, in memory, on free loopback ports, for the tests of one assembly.</summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private AzuriteProcess? _azurite;

    public string ConnectionString => _azurite!.Endpoints.ConnectionString;

    public TenancyTables Tables { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _azurite = await AzuriteProcess.StartOnFreePortsAsync(dataFolder: null, TextWriter.Null);
        Tables = new TenancyTables(new TableServiceClient(ConnectionString));
        await Tables.CreateIfNotExistsAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        if (_azurite is not null) await _azurite.DisposeAsync();
    }

    /// <summary>A fresh account id, so that tests sharing one Azurite never see each other's rows.</summary>
    public static string NewAccountId() => "acc_" + Guid.NewGuid().ToString("N");
}
