using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Tenancy.Api.Tests.Imports;
using Tenancy.Core.Common;
using Tenancy.Core.Imports;
using Tenancy.Core.Tickets;
using Tenancy.Excel;
using Tenancy.Storage.Queues;
using Tenancy.TestSupport;

namespace Tenancy.Api.Tests.Telemetry;

/// <summary>The app's meter, read with a <see cref="MeterListener"/> on this host's meters only: work shows in its metrics.</summary>
[Collection(LocalHostCollection.Name)]
public sealed class MetricsTests(LocalHostFixture host) : IDisposable
{
    private readonly ConcurrentDictionary<string, double> _totals = new();
    private readonly MeterListener _listener = new();

    private void Listen()
    {
        var factory = host.Services.GetRequiredService<IMeterFactory>();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == TenancyMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, factory))
                listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Add(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Add(instrument, 1, tags)); // a histogram: count records
        _listener.Start();
    }

    private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        _totals.AddOrUpdate(instrument.Name, value, (_, total) => total + value);
        foreach (var tag in tags) _totals.AddOrUpdate($"{instrument.Name}|{tag.Key}={tag.Value}", value, (_, total) => total + value);
    }

    private double Total(string key) => _totals.GetValueOrDefault(key);

    /// <summary>
    /// Waits until the measurements have arrived: a handler records its metrics after the work a client can see (the
    /// stored assignment, the chunk's result), so they may come a moment later. The bound only stops a hung test.
    /// </summary>
    private async Task<bool> ArrivedAsync(params string[] keys)
    {
        for (var i = 0; i < 300 && !keys.All(k => Total(k) >= 1); i++) await Task.Delay(100);
        return keys.All(k => Total(k) >= 1);
    }

    public void Dispose() => _listener.Dispose();

    [Fact]
    public async Task An_imported_tenant_counts_as_created_and_its_import_as_started()
    {
        Listen();
        var client = await host.ClientForNewAccountAsync();
        var template = Spreadsheets.Fill(new TemplateWriter().Create(TemplateLanguage.English),
            [
                ["Metered A", "Ann", "TRUE", "", "ann@metered-a.com", "", "", "", "", "metered-a.com"],
                ["Metered B", "Bob", "TRUE", "", "bob@metered-b.com", "", "", "", "", "metered-b.com"],
            ]);

        var job = await client.ImportAsync(template);

        Assert.Equal("completed", (string?)job["status"]);
        Assert.True(await ArrivedAsync("tenancy.imports.created", "tenancy.imports.tenants_created", $"tenancy.queue.lag|queue={ImportChunk.QueueName}"));
        for (var i = 0; i < 300 && Total("tenancy.imports.tenants_created") < 2; i++) await Task.Delay(100);
        Assert.True(Total("tenancy.imports.tenants_created") >= 2);
    }

    [Fact]
    public async Task A_routed_ticket_counts_with_how_it_matched_and_its_queue_lag()
    {
        Listen();
        var client = await host.ClientForNewAccountAsync();
        var accountId = await host.AccountIdAsync(client);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsync("api/tenants",
            Http.Json(new { name = "Metered routing", contacts = new[] { new { name = "Ann" } }, domains = new[] { "metered-routing.com" } }))).StatusCode);
        var ticketId = "T-" + Guid.NewGuid().ToString("N");

        await host.Services.GetRequiredService<TenancyQueues>().Get(IncomingTicket.QueueName).SendMessageAsync(
            JsonSerializer.Serialize(new { accountId, ticketId, from = "someone@metered-routing.com", senderAuthentication = "pass" }));
        for (var i = 0; i < 300 && (await client.GetAsync($"api/tickets/{ticketId}/assignment")).StatusCode != HttpStatusCode.OK; i++)
            await Task.Delay(100);

        Assert.True(await ArrivedAsync("tenancy.tickets.routed|match=exact", $"tenancy.queue.lag|queue={IncomingTicket.QueueName}"));
    }
}
