using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Tenancy.Core.Accounts;
using Tenancy.Local;
using Tenancy.Local.Azurite;
using Tenancy.Storage.Setup;

namespace Tenancy.Benchmarks;

/// <summary>
/// A fresh in-memory Azurite and a local host over it, as the benchmarks need them: empty, or filled first
/// (<see cref="StoreSetup"/>), the host's storage calls delayed or not.
/// </summary>
public sealed class BenchmarkHost : IAsyncDisposable
{
    private readonly string? _dataFolder;

    private BenchmarkHost(AzuriteProcess azurite, WebApplication app, int port, string? dataFolder)
    {
        _dataFolder = dataFolder;
        Azurite = azurite;
        App = app;
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
    }

    public AzuriteProcess Azurite { get; }
    public WebApplication App { get; }
    public Uri BaseAddress { get; }

    /// <summary>What the store was filled with before the benchmark (null: it started empty).</summary>
    public StoreFiller.Filled? Filled { get; private set; }

    public static async Task<BenchmarkHost> StartAsync(Action<WebApplicationBuilder>? configure = null, StoreSetup? store = null)
    {
        store ??= StoreSetup.Empty;
        var dataFolder = store.OnDisk ? Path.Combine(Path.GetTempPath(), "tenancy-bench-" + Guid.NewGuid().ToString("N")) : null;
        var azurite = await AzuriteProcess.StartAsync(AzuriteEndpoints.FreePorts(), dataFolder, Console.Error);
        var port = AzuriteEndpoints.FreePorts().BlobPort;
        var app = LocalHost.Build(azurite.Endpoints.ConnectionString, port, b =>
        {
            b.Logging.ClearProviders();
            if (store.StorageDelay > TimeSpan.Zero) Delay(b.Services, azurite.Endpoints.ConnectionString, store.StorageDelay);
            configure?.Invoke(b);
        });
        await LocalHost.PrepareStorageAsync(app);
        var host = new BenchmarkHost(azurite, app, port, dataFolder);
        if (store.Filled)
        {
            host.Filled = await StoreFiller.FillAsync(app.Services);
            Console.Error.WriteLine($"Filled the store in {host.Filled.Took.TotalSeconds:F0} s: {host.Filled.OtherRows} rows of other accounts, " +
                                    $"an account of {StoreFiller.LargeAccountTenants} tenants ({host.Filled.LargeAccountRows} rows).");
        }
        return host;
    }

    /// <summary>The host's storage clients, each request delayed (the last registration is the one resolved).</summary>
    private static void Delay(IServiceCollection services, string connectionString, TimeSpan delay)
    {
        T Delayed<T>(T options) where T : ClientOptions
        {
            StorageClients.ConfigureRetries(options.Retry);
            options.AddPolicy(new StorageDelayPolicy(delay), HttpPipelinePosition.PerRetry);
            return options;
        }
        services.AddSingleton(new TableServiceClient(connectionString, Delayed(new TableClientOptions())));
        services.AddSingleton(new BlobServiceClient(connectionString, Delayed(new BlobClientOptions())));
        services.AddSingleton(new QueueServiceClient(connectionString, Delayed(new QueueClientOptions())));
    }

    public async Task<(string AccountId, HttpClient Client)> AccountAsync()
    {
        var created = await App.Services.GetRequiredService<AccountService>().CreateAsync("Benchmark", Plan.Msp, CancellationToken.None);
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromMinutes(5) };
        client.DefaultRequestHeaders.Authorization = new("Bearer", created.ApiKey);
        return (created.Account.Id, client);
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await Azurite.DisposeAsync();
        if (_dataFolder is not null) Directory.Delete(_dataFolder, recursive: true);
    }
}
