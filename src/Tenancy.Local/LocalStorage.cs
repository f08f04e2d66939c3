using Tenancy.Storage.Setup;
using Tenancy.Local.Azurite;

namespace Tenancy.Local;

/// <summary>
/// The storage the local host and the admin command use: <c>TENANCY_STORAGE__ConnectionString</c> when set,
/// else the Azurite already listening on the default ports, else an Azurite started here.
/// </summary>
public sealed class LocalStorage : IAsyncDisposable
{
    private AzuriteProcess? _azurite;

    public string ConnectionString { get; private init; } = "";

    public static async Task<LocalStorage> OpenAsync(TextWriter log, CancellationToken cancellationToken = default)
    {
        var configured = Environment.GetEnvironmentVariable($"{StorageOptions.Section}__ConnectionString");
        if (!string.IsNullOrEmpty(configured))
            return new LocalStorage { ConnectionString = configured };

        var endpoints = AzuriteEndpoints.Default;
        if (endpoints.AllListening())
        {
            log.WriteLine("Using the Azurite already listening on ports 10000-10002.");
            return new LocalStorage { ConnectionString = endpoints.ConnectionString };
        }

        log.WriteLine($"Starting Azurite (data in {LocalHost.DataFolder()})...");
        var azurite = await AzuriteProcess.StartAsync(endpoints, LocalHost.DataFolder(), log, cancellationToken);
        return new LocalStorage { ConnectionString = endpoints.ConnectionString, _azurite = azurite };
    }

    public async ValueTask DisposeAsync()
    {
        if (_azurite is not null) await _azurite.DisposeAsync();
    }
}
