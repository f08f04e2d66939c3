using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Tenancy.Storage.Queues;
using Tenancy.TestSupport;

namespace Tenancy.Api.Tests.Tickets;

[Collection(LocalHostCollection.Name)]
public class TicketQueueTests(LocalHostFixture host)
{
    private TenancyQueues Queues => host.Services.GetRequiredService<TenancyQueues>();

    private Task<(HttpClient Client, string AccountId, string TenantId)> TenantWithDomainAsync(string domain) =>
        RoutedTenant.CreateAsync(host, "Routed " + domain, domain);

    private Task SendTicketAsync(string accountId, string ticketId, string from, string? auth = null) =>
        Queues.Get("incoming-tickets").SendMessageAsync(JsonSerializer.Serialize(new { accountId, ticketId, from, subject = "Printer down", senderAuthentication = auth ?? "pass" }));

    private static async Task<JsonObject> WaitForAssignmentAsync(HttpClient client, string ticketId)
    {
        for (var i = 0; i < 200; i++)
        {
            var response = await client.GetAsync($"api/tickets/{ticketId}/assignment");
            if (response.StatusCode == HttpStatusCode.OK) return await response.ReadObjectAsync();
            await Task.Delay(50);
        }
        throw new TimeoutException($"ticket {ticketId} was not assigned");
    }

    private Task<List<JsonObject>> PublishedAsync(string ticketId, int expected) => PublishedAssignments.TakeAsync(Queues, ticketId, expected);

    [Fact]
    public async Task A_ticket_is_routed_stored_and_published()
    {
        var (client, accountId, tenantId) = await TenantWithDomainAsync("routed-one.com");
        var ticketId = "T-" + Guid.NewGuid().ToString("N");

        await SendTicketAsync(accountId, ticketId, "Jane Roe <jane@support.routed-one.com>");

        var assignment = await WaitForAssignmentAsync(client, ticketId);
        Assert.Equal((tenantId, "parent", "routed-one.com"), ((string?)assignment["tenantId"], (string?)assignment["match"], (string?)assignment["matchedDomain"]));
        var published = Assert.Single(await PublishedAsync(ticketId, 1));
        Assert.Equal(tenantId, (string?)published["tenantId"]);
    }

    [Fact]
    public async Task A_redelivered_ticket_keeps_its_first_assignment_and_publishes_nothing_contradicting()
    {
        var (client, accountId, tenantId) = await TenantWithDomainAsync("redelivered.com");
        var ticketId = "T-" + Guid.NewGuid().ToString("N");
        await SendTicketAsync(accountId, ticketId, "a@redelivered.com");
        await WaitForAssignmentAsync(client, ticketId);

        // The domain moves away before the duplicate arrives: the duplicate must not re-route.
        await client.DeleteAsync($"api/tenants/{tenantId}/domains/redelivered.com");
        await SendTicketAsync(accountId, ticketId, "a@redelivered.com");

        var published = await PublishedAsync(ticketId, 2);
        Assert.Equal(2, published.Count);
        Assert.All(published, p => Assert.Equal(tenantId, (string?)p["tenantId"]));
        Assert.Equal(tenantId, (string?)(await WaitForAssignmentAsync(client, ticketId))["tenantId"]);
    }

    [Fact]
    public async Task A_sender_failing_authentication_stays_unassigned_with_the_reason()
    {
        var (client, accountId, _) = await TenantWithDomainAsync("spoofed.com");
        var ticketId = "T-" + Guid.NewGuid().ToString("N");

        await SendTicketAsync(accountId, ticketId, "ceo@spoofed.com", "fail");

        var assignment = await WaitForAssignmentAsync(client, ticketId);
        Assert.Null((string?)assignment["tenantId"]);
        Assert.Equal("none", (string?)assignment["match"]);
        Assert.Contains("authentication", (string?)assignment["reason"]);
    }

    [Fact]
    public async Task Spoofed_mail_from_a_contacts_address_stays_unassigned()
    {
        var client = await host.ClientForNewAccountAsync();
        await client.PostAsync("api/tenants", Http.Json(new { name = "Spoof target", contacts = new[] { new { name = "Ann", email = "ann@spoof-target.com" } } }));
        var ticketId = "T-" + Guid.NewGuid().ToString("N");

        await SendTicketAsync(await host.AccountIdAsync(client), ticketId, "ann@spoof-target.com", "fail");

        var assignment = await WaitForAssignmentAsync(client, ticketId);
        Assert.Null((string?)assignment["tenantId"]);
        Assert.Contains("authentication", (string?)assignment["reason"]);
    }

    [Fact]
    public async Task Malformed_messages_go_to_the_poison_queue_with_a_reason_and_the_consumer_keeps_going()
    {
        var (client, accountId, tenantId) = await TenantWithDomainAsync("after-poison.com");
        var marker = Guid.NewGuid().ToString("N");
        string[] bad =
        [
            "{not json " + marker,
            $"[\"{marker}\"]",
            JsonSerializer.Serialize(new { accountId, ticketId = "P1-" + marker }),
            JsonSerializer.Serialize(new { accountId, ticketId = "P2-" + marker, from = "not an address" }),
            JsonSerializer.Serialize(new { accountId, ticketId = 42, from = "a@b.com", note = marker }),
            JsonSerializer.Serialize(new { accountId = "acc_nobody", ticketId = "P3-" + marker, from = "a@b.com" }),
            JsonSerializer.Serialize(new { accountId, ticketId = "P4-" + marker + new string('x', 50_000), from = "a@b.com" }),
        ];
        foreach (var body in bad) await Queues.Get("incoming-tickets").SendMessageAsync(body);
        var goodTicket = "T-" + Guid.NewGuid().ToString("N");
        await SendTicketAsync(accountId, goodTicket, "ok@after-poison.com");

        Assert.Equal(tenantId, (string?)(await WaitForAssignmentAsync(client, goodTicket))["tenantId"]);
        var poisoned = new List<JsonObject>();
        for (var i = 0; i < 100 && poisoned.Count < bad.Length; i++)
        {
            poisoned.Clear();
            foreach (var message in (await Queues.Poison("incoming-tickets").PeekMessagesAsync(32)).Value)
            {
                var record = JsonNode.Parse(message.Body.ToString())!.AsObject();
                if (((string?)record["body"])!.Contains(marker) || ((string?)record["body"])!.Contains("acc_nobody")) poisoned.Add(record);
            }
            await Task.Delay(50);
        }
        Assert.Equal(bad.Length, poisoned.Count);
        Assert.All(poisoned, p => Assert.False(string.IsNullOrWhiteSpace((string?)p["reason"])));
    }

    [Fact]
    public async Task A_ticket_whose_account_id_has_not_the_shape_of_one_is_set_aside_at_once_with_the_reason()
    {
        var marker = "P5-" + Guid.NewGuid().ToString("N");

        await Queues.Get("incoming-tickets").SendMessageAsync(JsonSerializer.Serialize(new { accountId = "acc_1/" + marker, ticketId = marker, from = "a@b.com" }));

        JsonObject? record = null;
        for (var i = 0; i < 200 && record is null; i++)
        {
            foreach (var message in (await Queues.Poison("incoming-tickets").PeekMessagesAsync(32)).Value)
                if (message.Body.ToString().Contains(marker)) record = JsonNode.Parse(message.Body.ToString())!.AsObject();
            await Task.Delay(50);
        }
        Assert.NotNull(record);
        Assert.Equal(1, (int)record["dequeueCount"]!);
        Assert.Contains("is not an account id", (string?)record["reason"]);
    }
}
