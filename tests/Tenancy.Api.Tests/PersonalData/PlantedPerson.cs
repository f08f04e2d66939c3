using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Tenancy.Api.Tests.Imports;
using Tenancy.Storage.Queues;
using Tenancy.TestSupport;

namespace Tenancy.Api.Tests.PersonalData;

/// <summary>
/// One person planted everywhere an account keeps personal data (R15): a contact of a tenant that owns their domain
/// (added, then updated: an audit trail), the same person in an import (a valid row and a refused tenant's row, its
/// error report downloaded so that it is stored), its kept file, and two tickets from them, routed.
/// </summary>
internal sealed record PlantedPerson(HttpClient Client, string Email, string Name, string Phone, string TenantId, string ContactId,
    string ImportId, IReadOnlyList<string> TicketIds)
{
    public static async Task<PlantedPerson> PlantAsync(LocalHostFixture host)
    {
        var client = await host.ClientForNewAccountAsync();
        var unique = Guid.NewGuid().ToString("N")[..10];
        var domain = $"zk-{unique}.example";
        var (email, name, phone) = ($"Zoe.Kellerman@{domain}", $"Zoë Kellerman {unique}", "6 44 55 66 77");

        var tenant = await (await client.PostAsync("api/tenants", Http.Json(new
        {
            name = $"Acme {unique}",
            contacts = new[] { new { name = "Ann Primary", email = $"ann@{domain}", isPrimary = true } },
            domains = new[] { domain },
        }))).ReadObjectAsync();
        var tenantId = (string)tenant["id"]!;
        var added = await client.PostAsync($"api/tenants/{tenantId}/contacts", Http.Json(new { name, email, phone, notes = "Prefers calls before nine" }));
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var contactId = (string)(await added.ReadObjectAsync())["id"]!;
        Assert.Equal(HttpStatusCode.OK, (await client.PatchAsync($"api/tenants/{tenantId}/contacts/{contactId}", new { role = "Accountant" })).StatusCode);

        var rows = new[]
        {
            new[] { $"Beta {unique}", "Bob Primary", "TRUE", "", $"bob@beta-{unique}.example", "", "", "", "", "" },
            new[] { $"Beta {unique}", name, "FALSE", "", email, "+33", phone, "", "", "" },
            new[] { $"Gamma {unique}", name, "TRUE", "", email, "", "", "", "", "" },
            new[] { $"Gamma {unique}", "Gil Broken", "FALSE", "", "gil-at-gamma", "", "", "", "", "" },
        };
        var job = await client.ImportAsync(Spreadsheets.Fill(await client.TemplateAsync(), rows));
        Assert.Equal("completedWithErrors", (string?)job["status"]);
        var report = Spreadsheets.Read(await (await client.GetAsync($"api/tenant-imports/{job["id"]}/errors")).Content.ReadAsByteArrayAsync());
        Assert.Contains(report, row => row.Contains(email));

        var queues = host.Services.GetRequiredService<TenancyQueues>();
        var accountId = await host.AccountIdAsync(client);
        var tickets = new[] { "T-" + Guid.NewGuid().ToString("N"), "T-" + Guid.NewGuid().ToString("N") };
        foreach (var ticketId in tickets)
            await queues.Get("incoming-tickets").SendMessageAsync(JsonSerializer.Serialize(new
            {
                accountId, ticketId, from = $"\"{name}\" <zoe.kellerman+help@{domain.ToUpperInvariant()}>", subject = "Invoice", senderAuthentication = "pass",
            }));
        foreach (var ticketId in tickets) await WaitForAssignmentAsync(client, ticketId);

        return new PlantedPerson(client, email, name, phone, tenantId, contactId, (string)job["id"]!, tickets);
    }

    public static async Task<JsonObject> WaitForAssignmentAsync(HttpClient client, string ticketId)
    {
        for (var i = 0; i < 400; i++)
        {
            var response = await client.GetAsync($"api/tickets/{ticketId}/assignment");
            if (response.StatusCode == HttpStatusCode.OK) return await response.ReadObjectAsync();
            await Task.Delay(50);
        }
        throw new TimeoutException($"ticket {ticketId} was not assigned");
    }

    /// <summary>No answer or download holds the address, the name, the phone or the notes; a new search finds nothing.</summary>
    public async Task AssertNoTraceAsync()
    {
        foreach (var (what, text) in await EverythingTheApiAnswersAsync())
        {
            Assert.False(text.Contains("kellerman", StringComparison.OrdinalIgnoreCase), $"{what} holds the address or the name: {text}");
            Assert.False(text.Contains(Phone), $"{what} holds the phone: {text}");
            Assert.False(text.Contains("before nine"), $"{what} holds the notes: {text}");
        }
        var search = await (await Client.GetAsync($"api/personal-data?email={Uri.EscapeDataString(Email)}")).ReadObjectAsync();
        Assert.All(new[] { "contacts", "agents", "auditEntries", "importJobs", "files", "ticketAssignments" }, list => Assert.Empty(search[list]!.AsArray()));
    }

    public async Task<List<JsonObject>> AllAuditEntriesAsync()
    {
        var entries = new List<JsonObject>();
        string? token = null;
        do
        {
            var page = await (await Client.GetAsync("api/audit?pageSize=200" + (token is null ? "" : "&continuationToken=" + Uri.EscapeDataString(token)))).ReadObjectAsync();
            entries.AddRange(page["items"]!.AsArray().Select(e => e!.AsObject()));
            token = (string?)page["continuationToken"];
        } while (token is not null);
        return entries;
    }

    /// <summary>Every answer and download of the account where the person was: tenants, audit, imports with their errors and report, tickets, a new search.</summary>
    private async Task<List<(string What, string Text)>> EverythingTheApiAnswersAsync()
    {
        var client = Client;
        var urls = new List<string> { "api/tenants?pageSize=200", "api/tenant-imports", $"api/tenant-imports/{ImportId}",
            $"api/tenant-imports/{ImportId}/errors/items?pageSize=200" };
        var tenants = await (await client.GetAsync("api/tenants?pageSize=200")).ReadObjectAsync();
        urls.AddRange(tenants["items"]!.AsArray().Select(t => $"api/tenants/{t!["id"]}"));
        urls.AddRange(TicketIds.Select(t => $"api/tickets/{t}/assignment"));
        var answers = new List<(string, string)>();
        foreach (var url in urls) answers.Add((url, await (await client.GetAsync(url)).Content.ReadAsStringAsync()));
        answers.AddRange((await AllAuditEntriesAsync()).Select(e => ("api/audit", e.ToJsonString(new System.Text.Json.JsonSerializerOptions
            { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))));

        var report = await client.GetAsync($"api/tenant-imports/{ImportId}/errors");
        answers.Add(("error report", report.StatusCode == HttpStatusCode.OK
            ? string.Join("\n", Spreadsheets.Read(await report.Content.ReadAsByteArrayAsync()).Select(r => string.Join("\t", r)))
            : await report.Content.ReadAsStringAsync()));
        var export = await client.GetAsync("api/tenants/export");
        answers.Add(("export", string.Join("\n", Spreadsheets.Read(await export.Content.ReadAsByteArrayAsync()).Select(r => string.Join("\t", r)))));
        return answers;
    }
}
