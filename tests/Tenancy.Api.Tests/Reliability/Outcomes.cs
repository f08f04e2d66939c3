using System.Text.Json.Nodes;
using Tenancy.Core.Tickets;

namespace Tenancy.Api.Tests.Reliability;

/// <summary>What the reliability tests check once the work is done: every tenant listed, every ticket assigned.</summary>
public static class Outcomes
{
    /// <summary>The whole tenant list, page after page.</summary>
    public static async Task<List<JsonObject>> AllTenantsAsync(HttpClient client)
    {
        var all = new List<JsonObject>();
        string? token = null;
        do
        {
            var page = await (await client.GetAsync($"api/tenants?pageSize=200{(token is null ? "" : "&continuationToken=" + token)}")).ReadObjectAsync();
            all.AddRange(page["items"]!.AsArray().Select(i => i!.AsObject()));
            token = (string?)page["continuationToken"];
        } while (token is not null);
        return all;
    }

    /// <summary>The ticket's stored assignment, polled for at most two minutes (a bound so that a test cannot hang, not a timing assertion).</summary>
    public static async Task<TicketAssignment> AssignmentAsync(ITicketAssignmentStore store, string accountId, string ticketId)
    {
        for (var i = 0; i < 1200; i++)
        {
            if (await store.FindAsync(accountId, ticketId, CancellationToken.None) is { } found) return found;
            await Task.Delay(100);
        }
        throw new TimeoutException($"ticket {ticketId} was never assigned");
    }
}
