namespace Tenancy.Core.Tickets;

public interface ITicketAssignmentStore
{
    /// <summary>Stores the first assignment of a ticket and returns it; a later one for the same ticket returns the stored one unchanged.</summary>
    Task<TicketAssignment> AddOrGetAsync(TicketAssignment assignment, CancellationToken cancellationToken);

    Task<TicketAssignment?> FindAsync(string accountId, string ticketId, CancellationToken cancellationToken);
}
