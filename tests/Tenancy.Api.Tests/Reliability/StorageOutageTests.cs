using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Azure.Storage.Queues;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Tenancy.Api.Tests.Imports;
using Tenancy.Core.Accounts;
using Tenancy.Core.Tickets;
using Tenancy.Local;
using Tenancy.Local.Azurite;
using Tenancy.TestSupport;

namespace Tenancy.Api.Tests.Reliability;

/// <summary>
/// Storage goes away in the middle of an import and of ticket routing, and comes back: the local host keeps running,
/// says it is degraded meanwhile, and then finishes every job and ticket with exact counts and no duplicates.
/// The test owns its Azurite process (with data on disk, so that a restart keeps it).
/// </summary>
public sealed class StorageOutageTests : IAsyncLifetime
{
    private const int ImportedTenants = 600;
    private const int Tickets = 300;

    private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), "tenancy-outage-" + Guid.NewGuid().ToString("N"));
    private readonly AzuriteEndpoints _endpoints = AzuriteEndpoints.FreePorts();
    private AzuriteProcess _azurite = null!;
    private WebApplication _host = null!;
    private HttpClient _anonymous = null!;

    public async Task InitializeAsync()
    {
        _azurite = await AzuriteProcess.StartAsync(_endpoints, _dataFolder, TextWriter.Null);
        var port = AzuriteEndpoints.FreePorts().BlobPort;
        _host = LocalHost.Build(_endpoints.ConnectionString, port, b => b.Logging.ClearProviders());
        await LocalHost.PrepareStorageAsync(_host);
        await _host.StartAsync();
        _anonymous = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromMinutes(2) };
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _azurite.DisposeAsync();
        Directory.Delete(_dataFolder, recursive: true);
    }

    [Fact]
    public async Task The_host_survives_storage_going_away_and_finishes_everything_once_it_is_back()
    {
        var created = await _host.Services.GetRequiredService<AccountService>().CreateAsync("Outage", Plan.Msp, CancellationToken.None);
        var client = new HttpClient { BaseAddress = _anonymous.BaseAddress, Timeout = TimeSpan.FromMinutes(2) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", created.ApiKey);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsync("api/tenants",
            Http.Json(new { name = "Routed", contacts = new[] { new { name = "Ann" } }, domains = new[] { "routed.example" } }))).StatusCode);
        var incoming = new QueueClient(_endpoints.ConnectionString, IncomingTicket.QueueName);
        for (var t = 0; t < Tickets; t++)
            await incoming.SendMessageAsync(JsonSerializer.Serialize(new { accountId = created.Account.Id, ticketId = $"T-{t}", from = $"user{t}@routed.example" }));
        var upload = await client.UploadAsync(Spreadsheets.Fill(await client.TemplateAsync(), Enumerable.Range(0, ImportedTenants)
            .Select(i => new[] { $"Imported {i:D4}", $"Contact {i}", "TRUE", "", $"c{i}@imported{i}.example", "", "", "", "", "" }).ToArray()));
        Assert.Equal(HttpStatusCode.Accepted, upload.StatusCode);

        await _azurite.DisposeAsync();
        var degraded = await WaitForHealthAsync(HttpStatusCode.ServiceUnavailable);
        Assert.Equal("degraded", (string?)degraded["status"]);
        await Task.Delay(TimeSpan.FromSeconds(3)); // the consumers and the blob loop meet the outage, not only the probe
        _azurite = await AzuriteProcess.StartAsync(_endpoints, _dataFolder, TextWriter.Null);
        await WaitForHealthAsync(HttpStatusCode.OK);

        var job = await client.WaitForJobAsync(upload.Headers.Location!.ToString().TrimStart('/'), TimeSpan.FromMinutes(5));
        Assert.Equal("completed", (string?)job["status"]);
        Assert.Equal(ImportedTenants, (int)job["createdCount"]!);
        var names = (await Outcomes.AllTenantsAsync(client)).Select(t => (string)t["name"]!).ToList();
        Assert.Equal(ImportedTenants + 1, names.Count);
        Assert.Equal(names.Count, names.Distinct().Count());

        var assignments = _host.Services.GetRequiredService<ITicketAssignmentStore>();
        for (var t = 0; t < Tickets; t++)
        {
            var assignment = await Outcomes.AssignmentAsync(assignments, created.Account.Id, $"T-{t}");
            Assert.Equal("Routed", assignment.TenantName);
        }
    }

    /// <summary>Polls the readiness check until it answers <paramref name="expected"/> (bounded, not timed).</summary>
    private async Task<System.Text.Json.Nodes.JsonObject> WaitForHealthAsync(HttpStatusCode expected)
    {
        for (var i = 0; i < 300; i++)
        {
            var response = await _anonymous.GetAsync("api/health/ready");
            if (response.StatusCode == expected) return await response.ReadObjectAsync();
            await Task.Delay(200);
        }
        throw new TimeoutException($"health/ready never answered {(int)expected}");
    }
}
