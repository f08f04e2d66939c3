using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Tenancy.Core.Common;
using Tenancy.Core.Tickets;
using Tenancy.Storage.Queues;
using Tenancy.TestSupport;

namespace Tenancy.Api.Tests.Tickets;

/// <summary>
/// R6 for a batch of incoming tickets, as the local consumer hands them over (up to 32 at once), on Azurite: each ticket
/// is routed in its own account, stored once and published, and a redelivered one publishes what was stored first.
/// The batch is handed to the intake directly, so that which messages share a batch is not left to timing.
/// </summary>
[Collection(LocalHostCollection.Name)]
public class TicketBatchTests(LocalHostFixture host)
{
    private TicketIntake Intake => host.Services.GetRequiredService<TicketIntake>();

    private Task<(HttpClient Client, string AccountId, string TenantId)> TenantWithDomainAsync(string domain) =>
        RoutedTenant.CreateAsync(host, "Batch " + domain, domain);

    private static string Ticket(string accountId, string ticketId, string from) =>
        JsonSerializer.Serialize(new { accountId, ticketId, from, senderAuthentication = "pass" });

    private static string NewTicketId() => "T-" + Guid.NewGuid().ToString("N");

    private static string NewDomain() => $"batch-{Guid.NewGuid().ToString("N")[..20]}.com";

    /// <summary>Handles the bodies as one batch and returns what each was settled with (each exactly once).</summary>
    private async Task<MessageResult[]> HandleBatchAsync(params string[] bodies)
    {
        var results = new ConcurrentDictionary<int, MessageResult>();
        using var slots = new SemaphoreSlim(8);
        await Intake.HandleBatchAsync(Enumerable.Range(0, bodies.Length).ToList(), i => bodies[i],
            (i, result) => { Assert.True(results.TryAdd(i, result), $"message {i} was settled twice"); return Task.CompletedTask; },
            slots, CancellationToken.None);
        return Enumerable.Range(0, bodies.Length).Select(i => results[i]).ToArray();
    }

    private static async Task<JsonObject> AssignmentAsync(HttpClient client, string ticketId)
    {
        var response = await client.GetAsync($"api/tickets/{ticketId}/assignment");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadObjectAsync();
    }

    private Task<List<JsonObject>> PublishedAsync(string ticketId, int expected) =>
        PublishedAssignments.TakeAsync(host.Services.GetRequiredService<TenancyQueues>(), ticketId, expected);

    [Fact]
    public async Task A_batch_mixing_accounts_routes_each_ticket_in_its_own_account_and_sets_aside_what_cannot_be_routed()
    {
        var (firstDomain, secondDomain) = (NewDomain(), NewDomain());
        var (first, firstAccount, firstTenant) = await TenantWithDomainAsync(firstDomain);
        var (second, secondAccount, secondTenant) = await TenantWithDomainAsync(secondDomain);
        var (a1, b1, a2, b2) = (NewTicketId(), NewTicketId(), NewTicketId(), NewTicketId());

        var results = await HandleBatchAsync(
            Ticket(firstAccount, a1, $"ann@{firstDomain}"),
            Ticket(secondAccount, b1, $"bob@{secondDomain}"),
            Ticket(firstAccount, a2, $"bob@{secondDomain}"), // the second account's domain means nothing in the first
            Ticket("acc_no_such_account", NewTicketId(), $"ann@{firstDomain}"),
            "{\"accountId\":\"" + secondAccount + "\"}",
            Ticket(secondAccount, b2, $"x@eu.{secondDomain}"));

        Assert.Equal([MessageOutcome.Done, MessageOutcome.Done, MessageOutcome.Done], new[] { results[0], results[1], results[2] }.Select(r => r.Outcome));
        Assert.Contains("does not exist", results[3].Outcome!.Reason);
        Assert.True(results[4].Outcome!.IsPoison);
        Assert.Equal(MessageOutcome.Done, results[5].Outcome);
        Assert.Equal((firstTenant, "exact"), Routed(await AssignmentAsync(first, a1)));
        Assert.Equal((secondTenant, "exact"), Routed(await AssignmentAsync(second, b1)));
        Assert.Equal((null, "none"), Routed(await AssignmentAsync(first, a2)));
        Assert.Equal((secondTenant, "parent"), Routed(await AssignmentAsync(second, b2)));
        Assert.Equal(HttpStatusCode.NotFound, (await first.GetAsync($"api/tickets/{b1}/assignment")).StatusCode);
        foreach (var ticketId in new[] { a1, b1, a2, b2 })
            Assert.Single(await PublishedAsync(ticketId, 1));
    }

    [Fact]
    public async Task Redelivered_tickets_in_a_batch_with_new_ones_publish_their_first_assignment_and_the_new_ones_route_by_current_data()
    {
        var domain = NewDomain();
        var (client, accountId, tenantId) = await TenantWithDomainAsync(domain);
        var (redelivered, fresh) = (NewTicketId(), NewTicketId());
        Assert.Equal(MessageOutcome.Done, await Intake.HandleAsync(Ticket(accountId, redelivered, $"ann@{domain}"), CancellationToken.None));
        Assert.Single(await PublishedAsync(redelivered, 1));

        // The domain leaves the tenant before the redelivery: the stored result wins, a new ticket sees the change.
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"api/tenants/{tenantId}/domains/{domain}")).StatusCode);
        var results = await HandleBatchAsync(Ticket(accountId, fresh, $"ann@{domain}"), Ticket(accountId, redelivered, $"ann@{domain}"));

        Assert.All(results, r => Assert.Equal(MessageOutcome.Done, r.Outcome));
        Assert.Equal((tenantId, "exact"), Routed(await AssignmentAsync(client, redelivered)));
        Assert.Equal((null, "none"), Routed(await AssignmentAsync(client, fresh)));
        Assert.Equal((tenantId, "exact"), Routed(Assert.Single(await PublishedAsync(redelivered, 1))));
        Assert.Equal((null, "none"), Routed(Assert.Single(await PublishedAsync(fresh, 1))));
    }

    [Fact]
    public async Task A_ticket_twice_in_one_batch_is_stored_once_and_both_deliveries_publish_the_same_result()
    {
        var domain = NewDomain();
        var (client, accountId, tenantId) = await TenantWithDomainAsync(domain);
        var ticketId = NewTicketId();

        var results = await HandleBatchAsync(Ticket(accountId, ticketId, $"ann@{domain}"), Ticket(accountId, ticketId, "someone@elsewhere.org"));

        Assert.All(results, r => Assert.Equal(MessageOutcome.Done, r.Outcome));
        Assert.Equal((tenantId, "exact"), Routed(await AssignmentAsync(client, ticketId)));
        var published = await PublishedAsync(ticketId, 2);
        Assert.Equal(2, published.Count);
        Assert.All(published, p => Assert.Equal((tenantId, "exact"), Routed(p)));
    }

    private static (string? TenantId, string? Match) Routed(JsonObject assignment) =>
        ((string?)assignment["tenantId"], (string?)assignment["match"]);
}
