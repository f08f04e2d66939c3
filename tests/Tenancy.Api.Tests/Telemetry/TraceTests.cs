using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Trace;
using Tenancy.Core.Accounts;
using Tenancy.Hosting;
using Tenancy.Local;
using Tenancy.Local.Azurite;
using Tenancy.TestSupport;

namespace Tenancy.Api.Tests.Telemetry;

/// <summary>The shared OpenTelemetry setup traces a request and its storage calls, and no span names a contact's address.</summary>
public sealed class TraceTests : IAsyncLifetime
{
    private readonly List<Activity> _spans = [];
    private readonly LocalHostFixture _host;

    public TraceTests()
    {
        _host = new LocalHostFixture
        {
            Configure = b =>
            {
                b.Logging.ClearProviders();
                b.Services.AddTenancyTelemetry().WithTracing(tracing => tracing.AddInMemoryExporter(_spans));
            },
        };
    }

    public Task InitializeAsync() => _host.InitializeAsync();

    public Task DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task A_routing_query_is_traced_with_its_storage_calls_and_no_address_in_any_span()
    {
        var created = await _host.Services.GetRequiredService<AccountService>().CreateAsync("Traced", Plan.Msp, CancellationToken.None);
        using var client = new HttpClient { BaseAddress = _host.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", created.ApiKey);

        var response = await client.GetAsync("api/ticket-routing/match?from=zoe.traced%40traced-example.com");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // The server span ends just after the answer is sent: wait for it (a condition, not a time limit). Spans of
        // other tests' hosts in this process reach the exporter too: this host's is the one on its port.
        bool Ours(Activity s) => s.Kind == ActivityKind.Server && s.DisplayName.Contains("ticket-routing/match")
            && Equals(s.GetTagItem("server.port"), _host.BaseAddress.Port);
        List<Activity> spans = [];
        for (var i = 0; i < 200 && !spans.Any(Ours); i++)
        {
            await Task.Delay(50);
            lock (_spans) spans = [.. _spans];
        }
        var server = Assert.Single(spans, Ours);
        // A storage call keeps its table's name (Azurite: after the account name) and nothing after it.
        Assert.Contains(spans, s => s.Kind == ActivityKind.Client && s.TraceId == server.TraceId
            && System.Text.RegularExpressions.Regex.IsMatch((string?)s.GetTagItem("url.full") ?? "", "/devstoreaccount1/[a-z]+$"));
        var leaks = spans.SelectMany(s => s.TagObjects.Select(t => $"{s.DisplayName} {t.Key}={t.Value}"))
            .Where(t => t.Contains("zoe.traced", StringComparison.OrdinalIgnoreCase) || t.Contains(created.Account.Id, StringComparison.Ordinal)).ToList();
        Assert.True(leaks.Count == 0, string.Join("\n", leaks));
    }
}
