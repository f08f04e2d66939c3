using System.Net.Http.Headers;
using Tenancy.Core.Accounts;
using Tenancy.Http;
using Tenancy.Http.OpenApi;
using Tenancy.Local;
using Tenancy.Local.Azurite;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace Tenancy.TestSupport;

/// <summary>The real local host on a free loopback port, over a real Azurite: tests talk to it over HTTP.</summary>
public sealed class LocalHostFixture : IAsyncLifetime
{
    private readonly AzuriteFixture _azurite = new();
    private WebApplication? _app;

    public Uri BaseAddress { get; private set; } = null!;

    public IServiceProvider Services => _app!.Services;

    public AzuriteFixture Azurite => _azurite;

    /// <summary>More setup of the host (logging, telemetry, replaced services), applied after the fixture's own.</summary>
    public Action<WebApplicationBuilder>? Configure { get; init; }

    public async Task InitializeAsync()
    {
        await _azurite.InitializeAsync();
        var port = AzuriteEndpoints.FreePorts().BlobPort;
        _app = LocalHost.Build(_azurite.ConnectionString, port, b =>
        {
            b.Logging.ClearProviders();
            // Tests share this host and send bursts (load, fuzz) on one key: rate limiting has its own host and test.
            b.Configuration["TENANCY_RATELIMIT:TokenLimit"] = "1000000";
            b.Configuration["TENANCY_RATELIMIT:AccountTokenLimit"] = "1000000";
            // Race tests send a hundred requests of one account at once; on a loaded machine some would wait longer
            // than the queue allows. The fairness of the in-flight bound is tested on hosts of its own.
            b.Configuration["TENANCY_RATELIMIT:AccountConcurrency"] = "1000";
            Configure?.Invoke(b);
        });
        await LocalHost.PrepareStorageAsync(_app);
        await _app.StartAsync();
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
        using var client = new HttpClient { BaseAddress = BaseAddress };
        Contract = new OpenApiContract(await client.GetStringAsync($"{ApiRoutes.Prefix}/{TenancyOpenApi.Route}"));
    }

    public async Task DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
        await _azurite.DisposeAsync();
    }

    /// <summary>A new account with its own API key, and a client that sends it.</summary>
    public async Task<HttpClient> ClientForNewAccountAsync(Plan plan = Plan.Msp)
    {
        var created = await Services.GetRequiredService<AccountService>().CreateAsync("Test account", plan, CancellationToken.None);
        var client = AnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", created.ApiKey);
        return client;
    }

    /// <summary>The account behind a client's API key.</summary>
    public async Task<string> AccountIdAsync(HttpClient client)
    {
        var key = client.DefaultRequestHeaders.Authorization!.Parameter;
        var caller = await Services.GetRequiredService<AccountService>().AuthenticateAsync(key, CancellationToken.None);
        return caller!.Account.Id;
    }

    /// <summary>The served OpenAPI document, against which every answer to a client of this fixture is checked.</summary>
    public OpenApiContract Contract { get; private set; } = null!;

    /// <summary>A client of an agent's key that signs every request with one of the agent's signing keys (<see cref="SigningHandler"/>).</summary>
    public HttpClient SigningClient(string apiKey, System.Security.Cryptography.ECDsa key, string keyId)
    {
        var client = new HttpClient(new SigningHandler(key, keyId, new ContractCheckingHandler(Contract))) { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        return client;
    }

    /// <summary>A client without a key. Every answer it receives is checked against the OpenAPI document (contract tests).</summary>
    public HttpClient AnonymousClient() =>
        new(new ContractCheckingHandler(Contract)) { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
}
