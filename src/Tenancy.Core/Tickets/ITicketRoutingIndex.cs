namespace Tenancy.Core.Tickets;

/// <summary>A tenant as routing names it.</summary>
public sealed record TenantRef(string Id, string Name);

/// <summary>What the index holds for a sender: the tenants with a contact of that address, and the owners of its domain levels.</summary>
public sealed record SenderIndexEntries(IReadOnlyList<TenantRef> ContactTenants, IReadOnlyDictionary<string, TenantRef> DomainOwners);

/// <summary>One sender to look up: its email key (see <see cref="EmailKey"/>) and the normalized ASCII domains that may route it.</summary>
public sealed record SenderLookup(string EmailKey, IReadOnlyList<string> AsciiDomains);

/// <summary>The lookup ticket routing needs from the store, within one account.</summary>
public interface ITicketRoutingIndex
{
    /// <summary>
    /// In one round trip (the two index ranges read side by side): the tenants that have a contact whose email has this
    /// key (see <see cref="EmailKey"/>), and the owners of any of these normalized ASCII domains (a sender's domain and
    /// its parents; none looked up when empty).
    /// </summary>
    Task<SenderIndexEntries> FindAsync(string accountId, string emailKey, IReadOnlyList<string> asciiDomains, CancellationToken cancellationToken);

    /// <summary>
    /// What <see cref="FindAsync"/> finds, for several senders of one account at once (a batch of tickets), in as few
    /// reads as the store allows; one entry per sender, in their order.
    /// </summary>
    Task<IReadOnlyList<SenderIndexEntries>> FindManyAsync(string accountId, IReadOnlyList<SenderLookup> senders, CancellationToken cancellationToken);
}
