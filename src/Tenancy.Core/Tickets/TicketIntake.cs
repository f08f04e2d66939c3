using Tenancy.Core.Accounts;
using Tenancy.Core.Common;

namespace Tenancy.Core.Tickets;

/// <summary>
/// Handles one <c>incoming-tickets</c> message (R6): parse, route, store once, publish. A redelivered
/// message finds the stored assignment and publishes that same one again, never a contradicting one.
/// </summary>
public sealed class TicketIntake(TicketRouter router, ITicketAssignmentStore assignments, RecentAccounts accounts, IMessageSender sender,
    TenancyMetrics metrics)
{
    public async Task<MessageOutcome> HandleAsync(string body, CancellationToken cancellationToken)
    {
        if (!IncomingTicketParser.TryParse(body, out var ticket, out var reason))
            return MessageOutcome.Poison(reason);

        var account = await accounts.FindAsync(ticket.AccountId, cancellationToken);
        if (account is null) return MessageOutcome.Poison($"account '{ticket.AccountId}' does not exist");
        if (!account.HasTenants) return MessageOutcome.Poison($"account '{ticket.AccountId}' is not on the MSP plan; tickets cannot be routed to tenants");

        // Routing a duplicate again is cheaper than reading first for every ticket; the store keeps the first result.
        var stored = await assignments.AddOrGetAsync(await router.RouteAsync(ticket, cancellationToken), cancellationToken);
        await sender.SendAsync(TicketAssignment.QueueName, stored.ToJson(), $"{stored.AccountId}-{stored.TicketId}", cancellationToken);
        metrics.TicketRouted(stored.Match.ToString().ToLowerInvariant());
        return MessageOutcome.Done;
    }
}
