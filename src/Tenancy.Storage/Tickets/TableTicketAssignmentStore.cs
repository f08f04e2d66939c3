using Azure.Data.Tables;
using Tenancy.Core.Tickets;
using Tenancy.Storage.Tables;

namespace Tenancy.Storage.Tickets;

/// <summary>
/// Ticket assignments in the tickets table: one partition per account, one row per ticket, written once, with its sender
/// row (<see cref="TicketSenderRows"/>) in the same transaction.
/// </summary>
public sealed class TableTicketAssignmentStore(TenancyTables tables) : ITicketAssignmentStore
{
    public async Task<TicketAssignment> AddOrGetAsync(TicketAssignment assignment, CancellationToken cancellationToken)
    {
        try
        {
            await TableTransactions.SubmitAsync(tables.Tickets, Actions(assignment).ToList(), cancellationToken);
            return assignment;
        }
        catch (Azure.RequestFailedException ex) when (ex.Status == 409)
        {
            return await FindAsync(assignment.AccountId, assignment.TicketId, cancellationToken) ?? assignment;
        }
    }

    /// <summary>One transaction of inserts for up to 50 tickets with their sender rows (an account is one partition).</summary>
    public async Task<IReadOnlyList<TicketAssignment>> AddOrGetManyAsync(IReadOnlyList<TicketAssignment> assignments, CancellationToken cancellationToken)
    {
        if (assignments.DistinctBy(a => a.TicketId, StringComparer.Ordinal).Count() != assignments.Count)
            throw new ArgumentException("Each ticket may appear once: a transaction cannot write one row twice.", nameof(assignments));
        var stored = new List<TicketAssignment>(assignments.Count);
        foreach (var chunk in assignments.Chunk(TransactionLimits.MaxActions / 2))
            stored.AddRange(await AddOrGetChunkAsync(chunk, cancellationToken));
        return stored;
    }

    private async Task<IReadOnlyList<TicketAssignment>> AddOrGetChunkAsync(TicketAssignment[] chunk, CancellationToken cancellationToken)
    {
        try
        {
            await TableTransactions.SubmitAsync(tables.Tickets,
                chunk.SelectMany(Actions).ToList(), cancellationToken);
            return chunk;
        }
        catch (TableTransactionFailedException ex) when (ex.Status == 409)
        {
            // Some ticket is stored already (a redelivery, or a delivery running at the same time) and the transaction
            // wrote nothing: each ticket is stored, or its stored assignment read, on its own.
            return await Task.WhenAll(chunk.Select(a => AddOrGetAsync(a, cancellationToken)));
        }
    }

    public async Task<TicketAssignment?> FindAsync(string accountId, string ticketId, CancellationToken cancellationToken)
    {
        var row = await tables.Tickets.GetEntityIfExistsAsync<TableEntity>(accountId, RowKeys.Escape(ticketId), cancellationToken: cancellationToken);
        return row.HasValue ? TicketAssignment.FromJson(row.Value!.GetString("Assignment")) : null;
    }

    private static IEnumerable<TableTransactionAction> Actions(TicketAssignment assignment)
    {
        yield return new TableTransactionAction(TableTransactionActionType.Add, Row(assignment));
        if (TicketSenderRows.For(assignment) is { } sender) yield return sender;
    }

    private static TableEntity Row(TicketAssignment assignment) =>
        new(assignment.AccountId, RowKeys.Escape(assignment.TicketId)) { ["Assignment"] = assignment.ToJson() };
}
