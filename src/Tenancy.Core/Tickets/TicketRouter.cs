using Tenancy.Core.Domains;

namespace Tenancy.Core.Tickets;

/// <summary>
/// Routes a ticket to a tenant in the order R6 sets: a sender that failed authentication is not routed at all; else the
/// one tenant that has the sender as a contact; else the owner of the sender's domain, then of its parents, most specific first.
/// Costs one index lookup: the contact address and all the levels of the sender's domain, side by side.
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
        // R6: a forged From names a contact as easily as a domain, so a failed sender is routed by no rule at all.
        if (authentication == SenderAuthentication.Fail)
            return RoutingDecision.Unassigned("sender failed authentication; not routed, not even to a contact");

        // Both index ranges in one round trip: the domain levels are only skipped where no domain could route.
        var provider = MailboxProviders.Default.ProviderOf(sender.Domain);
        var chain = provider is null ? DomainName.RoutingChain(sender.Domain) : [];
        var found = await index.FindAsync(accountId, sender.Key, chain, cancellationToken);

        var contactTenants = found.ContactTenants.DistinctBy(t => t.Id).ToList();
        if (contactTenants.Count == 1)
            return RoutingDecision.To(contactTenants[0], TicketMatch.Contact, matchedDomain: null);

        // An address shared by several tenants says nothing about which one it is: the domain decides.
        var prefix = contactTenants.Count > 1
            ? $"address is a contact of several tenants ({NamesOf(contactTenants)}); "
            : "";

        if (provider is not null)
            return RoutingDecision.Unassigned(prefix + $"{provider} is a public mailbox provider; only a contact's exact address routes it");
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
