using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Tenancy.Api.Tests.Imports;
using Tenancy.Core.Accounts;
using Tenancy.Core.Imports;
using Tenancy.Excel;
using Tenancy.Http.Logging;
using Tenancy.Local;
using Tenancy.Local.Azurite;
using Tenancy.Storage.Queues;
using Tenancy.TestSupport;

namespace Tenancy.Api.Tests.Logging;

/// <summary>
/// The local host's log lines, captured at Debug from every category while a request, an import and a ticket run:
/// each unit of work's lines carry its ids as scopes, and no line holds the API key, its hash, a contact's address or
/// a person's name.
/// </summary>
public sealed class LogScopeTests : IAsyncLifetime
{
    private const string Email = "ann.private@logscope-contoso.com";
    private const string PersonName = "Annabel Privateperson";
    private readonly CapturingLoggerProvider _logs = new();
    private readonly LocalHostFixture _host;

    public LogScopeTests()
    {
        _host = new LocalHostFixture
        {
            Configure = b =>
            {
                b.Logging.ClearProviders();
                b.Logging.AddProvider(_logs);
                b.Logging.SetMinimumLevel(LogLevel.Debug);
                b.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Debug); // the host keeps these at Warning: capture them too
            },
        };
    }

    public Task InitializeAsync() => _host.InitializeAsync();

    public Task DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task Requests_chunks_and_tickets_log_their_ids_as_scopes_and_no_key_address_or_name()
    {
        var created = await _host.Services.GetRequiredService<AccountService>().CreateAsync("Logged account", Plan.Msp, CancellationToken.None);
        var accountId = created.Account.Id;
        using var client = new HttpClient { BaseAddress = _host.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", created.ApiKey);

        // A request, with a contact's address in its body and in a query string.
        var tenant = await client.PostAsync("api/tenants", Http.Json(new
        {
            name = "Logged tenant", contacts = new[] { new { name = PersonName, email = Email, isPrimary = true } }, domains = new[] { "logscope-contoso.com" },
        }));
        Assert.Equal(HttpStatusCode.Created, tenant.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"api/ticket-routing/match?from={Uri.EscapeDataString(Email)}")).StatusCode);

        // An import, whose chunk holds the same address.
        var template = Spreadsheets.Fill(new TemplateWriter().Create(TemplateLanguage.English),
            [["Imported tenant", PersonName, "TRUE", "", "other." + Email, "", "", "", "", "imported-logscope.com"]]);
        var job = await client.ImportAsync(template);
        Assert.Equal("completed", (string?)job["status"]);
        var importId = (string)job["id"]!;

        // A ticket from that address.
        var ticketId = "T-" + Guid.NewGuid().ToString("N");
        await _host.Services.GetRequiredService<TenancyQueues>().Get("incoming-tickets").SendMessageAsync(
            JsonSerializer.Serialize(new { accountId, ticketId, from = $"{PersonName} <{Email}>", subject = "Printer down", senderAuthentication = "pass" }));
        for (var i = 0; i < 300 && (await client.GetAsync($"api/tickets/{ticketId}/assignment")).StatusCode != HttpStatusCode.OK; i++)
            await Task.Delay(100);

        var logs = _logs.Logs.ToList();
        Assert.Contains(logs, l => l.Scopes.GetValueOrDefault(LogScopes.AccountId) == accountId && l.Scopes.ContainsKey(LogScopes.TraceId));
        Assert.Contains(logs, l => l.Scopes.GetValueOrDefault(LogScopes.ImportId) == importId && l.Scopes.GetValueOrDefault(LogScopes.AccountId) == accountId
            && l.Scopes.GetValueOrDefault("Queue") == ImportChunk.QueueName);
        Assert.Contains(logs, l => l.Scopes.GetValueOrDefault(LogScopes.TicketId) == ticketId && l.Scopes.GetValueOrDefault(LogScopes.AccountId) == accountId);

        var secrets = new[] { created.ApiKey, ApiKeys.Hash(created.ApiKey), "ann.private", Uri.EscapeDataString(Email), "Privateperson", "Bearer " };
        var leaks = logs.Where(l => secrets.Any(s => l.AllText.Contains(s, StringComparison.OrdinalIgnoreCase))).Select(l => l.AllText).ToList();
        Assert.True(leaks.Count == 0, "log lines with a secret or personal data:\n" + string.Join("\n---\n", leaks.Take(5)));
    }
}
