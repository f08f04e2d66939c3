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
}
