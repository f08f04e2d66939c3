using Tenancy.Core.Accounts;
using Tenancy.Local;
using Tenancy.Local.Azurite;

namespace Tenancy.Benchmarks;

/// <summary>A fresh in-memory Azurite and a local host over it, as the benchmarks need them.</summary>
public sealed class BenchmarkHost : IAsyncDisposable
{
    private BenchmarkHost(AzuriteProcess azurite, WebApplication app, int port)
    {
        Azurite = azurite;
        App = app;
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
    }

    public AzuriteProcess Azurite { get; }
    public WebApplication App { get; }
    public Uri BaseAddress { get; }

    public static async Task<BenchmarkHost> StartAsync(Action<WebApplicationBuilder>? configure = null)
    {
        var azurite = await AzuriteProcess.StartAsync(AzuriteEndpoints.FreePorts(), dataFolder: null, Console.Error);
        var port = AzuriteEndpoints.FreePorts().BlobPort;
        var app = LocalHost.Build(azurite.Endpoints.ConnectionString, port, b =>
        {
            b.Logging.ClearProviders();
            configure?.Invoke(b);
        });
        await LocalHost.PrepareStorageAsync(app);
        return new BenchmarkHost(azurite, app, port);
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
    }
}
