using System.Runtime.ExceptionServices;
using Tenancy.Core.Accounts;
using Tenancy.Core.Common;

namespace Tenancy.Core.Tickets;

/// <summary>
/// Handles <c>incoming-tickets</c> messages (R6): parse, route, store once, publish. A redelivered message finds the
/// stored assignment and publishes that same one again, never a contradicting one. A batch costs one index lookup and
/// one store write per account for all its tickets; each ticket is still published only once its assignment is
/// stored, and settled only once it is published.
/// </summary>
public sealed class TicketIntake(TicketRouter router, ITicketAssignmentStore assignments, RecentAccounts accounts, IMessageSender sender,
    TenancyMetrics metrics)
{
    /// <summary>Handles one message; an exception means it was not handled and is to be delivered again.</summary>
    public async Task<MessageOutcome> HandleAsync(string body, CancellationToken cancellationToken)
    {
        MessageResult? result = null;
        using var slots = new SemaphoreSlim(1);
        await HandleBatchAsync([body], b => b, (_, r) => { result = r; return Task.CompletedTask; }, slots, cancellationToken);
        if (result!.Error is { } error) ExceptionDispatchInfo.Throw(error);
        return result.Outcome!;
    }

    /// <summary>
    /// Handles a batch of messages and calls <paramref name="settle"/> once for each (never for one when
    /// <paramref name="cancellationToken"/> stops the work): poison at once, done after its assignment is published, or
    /// failed (its account's lookup or store, or its own publish, threw) to be delivered again. Each ticket holds one of
    /// <paramref name="publishSlots"/> while it is published and settled: a host that shares one between the batches of
    /// an account bounds how many of its tickets are in flight at once. <paramref name="settle"/> must not throw.
    /// </summary>
    public async Task HandleBatchAsync<TMessage>(IReadOnlyList<TMessage> messages, Func<TMessage, string> bodyOf,
        Func<TMessage, MessageResult, Task> settle, SemaphoreSlim publishSlots, CancellationToken cancellationToken)
    {
        var parsed = new List<(TMessage Message, IncomingTicket Ticket)>();
        foreach (var message in messages)
        {
            if (IncomingTicketParser.TryParse(bodyOf(message), out var ticket, out var reason)) parsed.Add((message, ticket));
            else await settle(message, MessageResult.Of(MessageOutcome.Poison(reason)));
        }
        await Task.WhenAll(parsed.GroupBy(p => p.Ticket.AccountId, StringComparer.Ordinal)
            .Select(account => HandleAccountAsync(account.Key, account.ToList(), settle, publishSlots, cancellationToken)));
    }

    private async Task HandleAccountAsync<TMessage>(string accountId, List<(TMessage Message, IncomingTicket Ticket)> batch,
        Func<TMessage, MessageResult, Task> settle, SemaphoreSlim publishSlots, CancellationToken cancellationToken)
    {
        MessageResult? refused;
        Dictionary<string, TicketAssignment> stored;
        try
        {
            refused = await RefusalAsync(accountId, cancellationToken);
            stored = refused is null ? await RouteAndStoreAsync(accountId, batch.Select(b => b.Ticket).ToList(), cancellationToken) : [];
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            refused = MessageResult.Failed(ex);
            stored = [];
        }
        if (refused is not null)
        {
            foreach (var (message, _) in batch) await settle(message, refused);
            return;
        }

        await Task.WhenAll(batch.Select(async item =>
        {
            await publishSlots.WaitAsync(cancellationToken);
            try
            {
                await settle(item.Message, await PublishAsync(stored[item.Ticket.TicketId], cancellationToken));
            }
            finally
            {
                publishSlots.Release();
            }
        }));
    }

    private async Task<MessageResult?> RefusalAsync(string accountId, CancellationToken cancellationToken)
    {
        var account = await accounts.FindAsync(accountId, cancellationToken);
        if (account is null) return MessageResult.Of(MessageOutcome.Poison($"account '{accountId}' does not exist"));
        return account.HasTenants ? null
            : MessageResult.Of(MessageOutcome.Poison($"account '{accountId}' is not on the MSP plan; tickets cannot be routed to tenants"));
    }

    /// <summary>The stored assignment of each ticket id of the batch: routed now, or as stored by an earlier delivery.</summary>
    private async Task<Dictionary<string, TicketAssignment>> RouteAndStoreAsync(string accountId, List<IncomingTicket> tickets, CancellationToken cancellationToken)
    {
        // One delivery per ticket id: two of one ticket in a batch get the same result, as two at once in two batches do.
        var distinct = tickets.DistinctBy(t => t.TicketId, StringComparer.Ordinal).ToList();
        // Routing a duplicate again is cheaper than reading first for every ticket; the store keeps the first result.
        var routed = await router.RouteManyAsync(accountId, distinct, cancellationToken);
        var stored = routed.Count == 1
            ? [await assignments.AddOrGetAsync(routed[0], cancellationToken)]
            : await assignments.AddOrGetManyAsync(routed, cancellationToken);
        return stored.ToDictionary(a => a.TicketId, StringComparer.Ordinal);
    }

    private async Task<MessageResult> PublishAsync(TicketAssignment stored, CancellationToken cancellationToken)
    {
        try
        {
            await sender.SendAsync(TicketAssignment.QueueName, stored.ToJson(), $"{stored.AccountId}-{stored.TicketId}", cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return MessageResult.Failed(ex);
        }
        metrics.TicketRouted(stored.Match.ToString().ToLowerInvariant());
        return MessageResult.Of(MessageOutcome.Done);
    }
}
