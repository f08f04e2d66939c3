using Tenancy.Core.Domains;

namespace Tenancy.Core.Tickets;

/// <summary>
/// Routes a ticket to a tenant in the order R6 sets: a sender that failed authentication is not routed at all; else the
/// one tenant that has the sender as a contact; else the owner of the sender's domain, then of its parents, most specific first.
/// Costs one index lookup: the contact address and all the levels of the sender's domain, side by side; a batch of
/// tickets costs one lookup for all their senders.
/// </summary>
public sealed class TicketRouter(ITicketRoutingIndex index, TimeProvider clock)
{
    /// <summary>Routes a ticket that <see cref="IncomingTicketParser"/> accepted.</summary>
    public async Task<TicketAssignment> RouteAsync(IncomingTicket ticket, CancellationToken cancellationToken)
    {
        var decision = await MatchAsync(ticket.AccountId, ticket.From, ticket.SenderAuthentication, cancellationToken);
        return TicketAssignment.For(ticket, decision, clock.GetUtcNow());
    }

    /// <summary>What routing would decide for a <c>From</c> value; an unusable address is unassigned, with the reason.</summary>
    public Task<RoutingDecision> MatchAsync(string accountId, string from, SenderAuthentication? authentication, CancellationToken cancellationToken) =>
        SenderAddress.TryParse(from, out var sender, out var error)
            ? MatchAsync(accountId, sender, authentication, cancellationToken)
            : Task.FromResult(RoutingDecision.Unassigned($"sender address is not usable: {error}"));

    public async Task<RoutingDecision> MatchAsync(string accountId, SenderAddress sender, SenderAuthentication? authentication, CancellationToken cancellationToken)
    {
        if (Decided(sender, authentication) is { } decided) return decided;
        var lookup = LookupOf(sender);
        return Decide(sender, await index.FindAsync(accountId, lookup.EmailKey, lookup.AsciiDomains, cancellationToken));
    }

    /// <summary>
    /// Routes tickets of one account that <see cref="IncomingTicketParser"/> accepted, as <see cref="RouteAsync"/> does each, with
    /// one index lookup for all their senders; one assignment per ticket, in their order.
    /// </summary>
    public async Task<IReadOnlyList<TicketAssignment>> RouteManyAsync(string accountId, IReadOnlyList<IncomingTicket> tickets, CancellationToken cancellationToken)
    {
        var decisions = new RoutingDecision?[tickets.Count];
        var senders = new SenderAddress?[tickets.Count];
        var lookups = new List<SenderLookup>();
        var lookupOf = new Dictionary<string, int>(StringComparer.Ordinal); // sender key → its lookup
        for (var i = 0; i < tickets.Count; i++)
        {
            if (!SenderAddress.TryParse(tickets[i].From, out var sender, out var error))
                decisions[i] = RoutingDecision.Unassigned($"sender address is not usable: {error}");
            else if (Decided(sender, tickets[i].SenderAuthentication) is { } decided)
                decisions[i] = decided;
            else
            {
                senders[i] = sender;
                if (lookupOf.TryAdd(sender.Key, lookups.Count)) lookups.Add(LookupOf(sender));
            }
        }

        var found = lookups.Count == 0 ? [] : await index.FindManyAsync(accountId, lookups, cancellationToken);
        var now = clock.GetUtcNow();
        return tickets.Select((ticket, i) => TicketAssignment.For(ticket,
            decisions[i] ?? Decide(senders[i]!, found[lookupOf[senders[i]!.Key]]), now)).ToList();
    }

    /// <summary>The decision that needs no lookup: R6 routes a sender that failed authentication by no rule at all.</summary>
    private static RoutingDecision? Decided(SenderAddress sender, SenderAuthentication? authentication) =>
        // A forged From names a contact as easily as a domain.
        authentication == SenderAuthentication.Fail
            ? RoutingDecision.Unassigned("sender failed authentication; not routed, not even to a contact")
            : null;

    /// <summary>The contact key, and the domain levels; those are only skipped where no domain could route.</summary>
    private static SenderLookup LookupOf(SenderAddress sender) =>
        new(sender.Key, MailboxProviders.Default.ProviderOf(sender.Domain) is null ? DomainName.RoutingChain(sender.Domain) : []);

    private static RoutingDecision Decide(SenderAddress sender, SenderIndexEntries found)
    {
        var contactTenants = found.ContactTenants.DistinctBy(t => t.Id).ToList();
        if (contactTenants.Count == 1)
            return RoutingDecision.To(contactTenants[0], TicketMatch.Contact, matchedDomain: null);

        // An address shared by several tenants says nothing about which one it is: the domain decides.
        var prefix = contactTenants.Count > 1
            ? $"address is a contact of several tenants ({NamesOf(contactTenants)}); "
            : "";

        if (MailboxProviders.Default.ProviderOf(sender.Domain) is { } provider)
            return RoutingDecision.Unassigned(prefix + $"{provider} is a public mailbox provider; only a contact's exact address routes it");
        var chain = DomainName.RoutingChain(sender.Domain);
        if (chain.Count == 0)
            return RoutingDecision.Unassigned(prefix + $"{sender.Domain} is a public suffix; no tenant can own it");

        var owners = found.DomainOwners;
        for (var i = 0; i < chain.Count; i++)
        {
            if (owners.TryGetValue(chain[i], out var owner))
                return RoutingDecision.To(owner, i == 0 ? TicketMatch.Exact : TicketMatch.Parent, chain[i]);
        }

        return RoutingDecision.Unassigned(prefix + (chain.Count == 1
            ? $"no tenant owns {sender.Domain}"
            : $"no tenant owns {sender.Domain} or its parent domains"));
    }

    /// <summary>Names a few of the tenants: an address shared by hundreds must not make the stored reason grow with them.</summary>
    private static string NamesOf(IReadOnlyList<TenantRef> tenants)
    {
        const int shown = 5;
        var names = string.Join(", ", tenants.Take(shown).Select(t => t.Name));
        return tenants.Count > shown ? $"{names} and {tenants.Count - shown} more" : names;
    }
}
