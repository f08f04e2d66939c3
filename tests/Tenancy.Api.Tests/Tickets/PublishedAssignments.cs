using System.Text.Json.Nodes;
using Tenancy.Storage.Queues;

namespace Tenancy.Api.Tests.Tickets;

public static class PublishedAssignments
{
    /// <summary>Takes the published assignments of one ticket off the ticket-assignments queue (waiting for <paramref name="expected"/> of them).</summary>
    public static async Task<List<JsonObject>> TakeAsync(TenancyQueues queues, string ticketId, int expected)
    {
        var found = new List<JsonObject>();
        var queue = queues.Get("ticket-assignments");
        for (var i = 0; i < 100 && found.Count < expected; i++)
        {
            foreach (var message in (await queue.ReceiveMessagesAsync(32, TimeSpan.FromSeconds(1))).Value)
            {
                var body = JsonNode.Parse(message.Body.ToString())!.AsObject();
                if ((string?)body["ticketId"] != ticketId) continue;
                found.Add(body);
                await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
            }
            if (found.Count < expected) await Task.Delay(50);
        }
        return found;
    }
}
