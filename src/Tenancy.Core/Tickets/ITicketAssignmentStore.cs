namespace Tenancy.Core.Tickets;

public interface ITicketAssignmentStore
{
    /// <summary>Stores the first assignment of a ticket and returns it; a later one for the same ticket returns the stored one unchanged.</summary>
    Task<TicketAssignment> AddOrGetAsync(TicketAssignment assignment, CancellationToken cancellationToken);

    /// <summary>
    /// <see cref="AddOrGetAsync"/> for tickets of one account, each at most once: the stored assignment of each, in their
    /// order. Where none is stored yet, it is written in as few writes as the store allows.
    /// </summary>
    Task<IReadOnlyList<TicketAssignment>> AddOrGetManyAsync(IReadOnlyList<TicketAssignment> assignments, CancellationToken cancellationToken);

    Task<TicketAssignment?> FindAsync(string accountId, string ticketId, CancellationToken cancellationToken);
}
