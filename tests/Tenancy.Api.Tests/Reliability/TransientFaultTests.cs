using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Tenancy.Core.Accounts;
using Tenancy.Core.Tickets;
using Tenancy.Local;
using Tenancy.Local.Azurite;
using Tenancy.Api.Tests.Imports;
using Tenancy.Storage.Setup;
using Tenancy.TestSupport;

namespace Tenancy.Api.Tests.Reliability;

/// <summary>
/// One storage request in ten fails (connection lost, or a 503 after storage did the work) while a 1000-tenant
/// import and 2000 tickets go through the local host: the Azure SDK's retries and our idempotency still give exact
/// counts and no duplicates. The host has an Azurite of its own, so no other host's consumers take its messages.
/// </summary>
public sealed class TransientFaultTests : IAsyncLifetime
{
    private const int ImportedTenants = 1000;
    private const int Tickets = 2000;
    private const int RoutedTenants = 20;

    private readonly AzuriteFixture _azurite = new();
    private readonly TransientFaultsPolicy _faults = new();
    private WebApplication _host = null!;
    private HttpClient _client = null!;
    private string _accountId = null!;

    public async Task InitializeAsync()
    {
        await _azurite.InitializeAsync();
        var port = AzuriteEndpoints.FreePorts().BlobPort;
        _host = LocalHost.Build(_azurite.ConnectionString, port, b =>
        {
            b.Logging.ClearProviders();
            b.Services.Replace(ServiceDescriptor.Singleton(new TableServiceClient(_azurite.ConnectionString, Faulty(new TableClientOptions()))));
            b.Services.Replace(ServiceDescriptor.Singleton(new QueueServiceClient(_azurite.ConnectionString, Faulty(new QueueClientOptions()))));
            b.Services.Replace(ServiceDescriptor.Singleton(new BlobServiceClient(_azurite.ConnectionString, Faulty(new BlobClientOptions()))));
        });
        await LocalHost.PrepareStorageAsync(_host);
        await _host.StartAsync();
        var created = await _host.Services.GetRequiredService<AccountService>().CreateAsync("Faults", Plan.Msp, CancellationToken.None);
        _accountId = created.Account.Id;
        _client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromMinutes(2) };
        _client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", created.ApiKey);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _azurite.DisposeAsync();
    }

    /// <summary>The app's own retry policy, with the faults injected below it (per try, as a real network fault is).</summary>
    private T Faulty<T>(T options) where T : Azure.Core.ClientOptions
    {
        StorageClients.ConfigureRetries(options.Retry);
        options.Retry.Delay = TimeSpan.FromMilliseconds(20);
        options.AddPolicy(_faults, Azure.Core.HttpPipelinePosition.PerRetry);
        return options;
    }

    [Fact]
    public async Task An_import_and_tickets_complete_exactly_once_through_transient_storage_faults()
    {
        for (var i = 0; i < RoutedTenants; i++)
        {
            var response = await _client.PostAsync("api/tenants", Http.Json(new { name = $"Routed {i}", contacts = new[] { new { name = "Ann" } }, domains = new[] { $"routed{i}.example" } }));
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }
        var incoming = new QueueClient(_azurite.ConnectionString, IncomingTicket.QueueName);
        for (var t = 0; t < Tickets; t++)
            await incoming.SendMessageAsync(JsonSerializer.Serialize(new { accountId = _accountId, ticketId = $"T-{t}", from = $"user{t}@routed{t % RoutedTenants}.example" }));

        var upload = await _client.UploadAsync(Spreadsheets.Fill(await _client.TemplateAsync(), Enumerable.Range(0, ImportedTenants)
            .Select(i => new[] { $"Imported {i:D4}", $"Contact {i}", "TRUE", "", $"c{i}@imported{i}.example", "", "", "", "", $"imported{i}.example" }).ToArray()));
        Assert.Equal(HttpStatusCode.Accepted, upload.StatusCode);
        var job = await _client.WaitForJobAsync(upload.Headers.Location!.ToString().TrimStart('/'), TimeSpan.FromMinutes(10));

        Assert.Equal("completed", (string?)job["status"]);
        Assert.Equal(ImportedTenants, (int)job["createdCount"]!);
        var tenants = await Outcomes.AllTenantsAsync(_client);
        Assert.Equal(ImportedTenants + RoutedTenants, tenants.Count);
        Assert.Equal(tenants.Count, tenants.Select(t => (string)t["name"]!).Distinct().Count());
        Assert.All(tenants.Where(t => ((string)t["name"]!).StartsWith("Imported", StringComparison.Ordinal)),
            t => Assert.Equal(1, (int)t["contactCount"]!));

        var assignments = _host.Services.GetRequiredService<ITicketAssignmentStore>();
        for (var t = 0; t < Tickets; t++)
        {
            var assignment = await Outcomes.AssignmentAsync(assignments, _accountId, $"T-{t}");
            Assert.Equal($"Routed {t % RoutedTenants}", assignment.TenantName);
        }
        Assert.True(_faults.Injected > 100, $"only {_faults.Injected} faults were injected");
    }
}
