using Azure.Data.Tables;
using Tenancy.Core.Tickets;
using Tenancy.Storage.Tables;

namespace Tenancy.Storage.Tickets;

/// <summary>Ticket assignments in the tickets table: one partition per account, one row per ticket, written once.</summary>
public sealed class TableTicketAssignmentStore(TenancyTables tables) : ITicketAssignmentStore
{
    public async Task<TicketAssignment> AddOrGetAsync(TicketAssignment assignment, CancellationToken cancellationToken)
    {
        try
        {
            await tables.Tickets.AddEntityAsync(new TableEntity(assignment.AccountId, RowKeys.Escape(assignment.TicketId))
            {
                ["Assignment"] = assignment.ToJson(),
            }, cancellationToken);
            return assignment;
        }
        catch (Azure.RequestFailedException ex) when (ex.Status == 409)
        {
            return await FindAsync(assignment.AccountId, assignment.TicketId, cancellationToken) ?? assignment;
        }
    }

    public async Task<TicketAssignment?> FindAsync(string accountId, string ticketId, CancellationToken cancellationToken)
    {
        var row = await tables.Tickets.GetEntityIfExistsAsync<TableEntity>(accountId, RowKeys.Escape(ticketId), cancellationToken: cancellationToken);
        return row.HasValue ? TicketAssignment.FromJson(row.Value!.GetString("Assignment")) : null;
    }
}
