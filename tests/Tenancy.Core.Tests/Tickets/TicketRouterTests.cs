using Tenancy.Core.Tickets;

namespace Tenancy.Core.Tests.Tickets;

public class TicketRouterTests
{
    private const string Account = "acc_1";
    private static readonly TenantRef Contoso = new("ten_contoso", "Contoso");
    private static readonly TenantRef ContosoEurope = new("ten_contoso_eu", "Contoso Europe");
    private static readonly TenantRef Fabrikam = new("ten_fabrikam", "Fabrikam");

    private readonly FakeRoutingIndex _index = new();
    private readonly TicketRouter _router;

    public TicketRouterTests() => _router = new TicketRouter(_index, TimeProvider.System);

    [Fact]
    public async Task Routes_by_contact_email()
    {
        _index.Contact("john.doe@contoso.com", Contoso);
        _index.Domain("contoso.com", Fabrikam);

        var decision = await Match("john.doe@contoso.com");

        Assert.Equal(new RoutingDecision(Contoso.Id, Contoso.Name, null, TicketMatch.Contact, null), decision);
    }

    [Fact]
    public async Task Contact_match_ignores_display_name_case_and_plus_tag()
    {
        _index.Contact("john.doe@eu.contoso.com", Contoso);

        var decision = await Match("\"Doe, John\" <John.Doe+tickets@EU.Contoso.COM>");

        Assert.Equal(TicketMatch.Contact, decision.Match);
        Assert.Equal(Contoso.Id, decision.TenantId);
        Assert.Equal(["john.doe@eu.contoso.com"], _index.ContactLookups);
    }

    [Fact]
    public async Task Contact_match_unquotes_a_quoted_local_part()
    {
        _index.Contact("john.doe@contoso.com", Contoso);

        var decision = await Match("\"John.Doe\"@contoso.com");

        Assert.Equal(TicketMatch.Contact, decision.Match);
    }

    [Fact]
    public async Task Routes_a_contact_on_a_public_mailbox_provider()
    {
        _index.Contact("jane.smith@gmail.com", Fabrikam);

        var decision = await Match("Jane Smith <Jane.Smith@gmail.com>");

        Assert.Equal(new RoutingDecision(Fabrikam.Id, Fabrikam.Name, null, TicketMatch.Contact, null), decision);
    }

    [Fact]
    public async Task Routes_by_exact_domain_when_no_contact_matches()
    {
        _index.Domain("contoso.com", Contoso);

        var decision = await Match("someone@contoso.com");

        Assert.Equal(new RoutingDecision(Contoso.Id, Contoso.Name, "contoso.com", TicketMatch.Exact, null), decision);
    }

    [Fact]
    public async Task Routes_by_parent_domain_when_no_exact_owner()
    {
        _index.Domain("contoso.com", Contoso);

        var decision = await Match("someone@eu.mail.contoso.com");

        Assert.Equal(new RoutingDecision(Contoso.Id, Contoso.Name, "contoso.com", TicketMatch.Parent, null), decision);
        Assert.Equal(["eu.mail.contoso.com", "mail.contoso.com", "contoso.com"], Assert.Single(_index.DomainLookups));
    }

    [Fact]
    public async Task Most_specific_parent_domain_wins()
    {
        _index.Domain("contoso.com", Contoso);
        _index.Domain("mail.contoso.com", ContosoEurope);

        var decision = await Match("someone@eu.mail.contoso.com");

        Assert.Equal(new RoutingDecision(ContosoEurope.Id, ContosoEurope.Name, "mail.contoso.com", TicketMatch.Parent, null), decision);
        Assert.Single(_index.DomainLookups);
    }

    [Fact]
    public async Task Exact_domain_wins_over_its_parent()
    {
        _index.Domain("contoso.com", Contoso);
        _index.Domain("eu.contoso.com", ContosoEurope);

        var decision = await Match("someone@eu.contoso.com");

        Assert.Equal(new RoutingDecision(ContosoEurope.Id, ContosoEurope.Name, "eu.contoso.com", TicketMatch.Exact, null), decision);
        Assert.Single(_index.DomainLookups);
    }

    [Fact]
    public async Task Routes_an_internationalised_domain_by_its_ascii_form()
    {
        _index.Domain("xn--mnchen-3ya.de", Contoso);

        var decision = await Match("Jörg <jörg@büro.MÜNCHEN.de>");

        Assert.Equal(new RoutingDecision(Contoso.Id, Contoso.Name, "xn--mnchen-3ya.de", TicketMatch.Parent, null), decision);
    }

    [Fact]
    public async Task Routes_a_domain_under_a_top_level_domain_the_list_does_not_know()
    {
        _index.Domain("contoso.internal", Contoso);

        var decision = await Match("someone@it.contoso.internal");

        Assert.Equal(new RoutingDecision(Contoso.Id, Contoso.Name, "contoso.internal", TicketMatch.Parent, null), decision);
    }

    [Fact]
    public async Task Never_looks_up_the_public_suffix_itself()
    {
        var decision = await Match("someone@mail.contoso.co.uk");

        Assert.Equal(["mail.contoso.co.uk", "contoso.co.uk"], Assert.Single(_index.DomainLookups));
        Assert.Equal("no tenant owns mail.contoso.co.uk or its parent domains", decision.Reason);
    }

    [Fact]
    public async Task Leaves_unassigned_with_a_reason_when_no_tenant_owns_the_domain()
    {
        var decision = await Match("someone@contoso.com");

        Assert.Equal(RoutingDecision.Unassigned("no tenant owns contoso.com"), decision);
    }

    [Fact]
    public async Task Reason_mentions_parent_domains_when_there_were_some()
    {
        var decision = await Match("someone@eu.contoso.com");

        Assert.Equal(RoutingDecision.Unassigned("no tenant owns eu.contoso.com or its parent domains"), decision);
    }

    [Fact]
    public async Task Does_not_route_by_domain_when_the_sender_failed_authentication()
    {
        _index.Domain("contoso.com", Contoso);

        var decision = await Match("ceo@contoso.com", SenderAuthentication.Fail);

        Assert.Equal(RoutingDecision.Unassigned(FailedAuthentication), decision);
        Assert.Empty(_index.DomainLookups);
    }

    [Fact]
    public async Task Does_not_route_a_failed_sender_even_by_a_contacts_exact_address()
    {
        // R6: spoofing a contact's address is as easy as spoofing the domain.
        _index.Contact("ceo@contoso.com", Contoso);

        var decision = await Match("ceo@contoso.com", SenderAuthentication.Fail);

        Assert.Equal(RoutingDecision.Unassigned(FailedAuthentication), decision);
    }

    [Theory]
    [InlineData(SenderAuthentication.Pass)]
    [InlineData(SenderAuthentication.None)]
    [InlineData(null)]
    public async Task Routes_by_domain_unless_authentication_failed(SenderAuthentication? authentication)
    {
        _index.Domain("contoso.com", Contoso);

        var decision = await Match("someone@contoso.com", authentication);

        Assert.Equal(TicketMatch.Exact, decision.Match);
    }

    [Fact]
    public async Task A_contact_of_several_tenants_is_not_a_contact_match()
    {
        _index.Contact("shared@contoso.com", Contoso);
        _index.Contact("shared@contoso.com", Fabrikam);
        _index.Domain("contoso.com", Contoso);

        var decision = await Match("shared@contoso.com");

        Assert.Equal(new RoutingDecision(Contoso.Id, Contoso.Name, "contoso.com", TicketMatch.Exact, null), decision);
    }

    [Fact]
    public async Task A_contact_of_several_tenants_without_a_domain_owner_stays_unassigned_with_both_reasons()
    {
        _index.Contact("shared@contoso.com", Contoso);
        _index.Contact("shared@contoso.com", Fabrikam);

        var decision = await Match("shared@contoso.com");

        Assert.Equal(RoutingDecision.Unassigned(
            "address is a contact of several tenants (Contoso, Fabrikam); no tenant owns contoso.com"), decision);
    }

    [Fact]
    public async Task The_reason_stored_for_an_address_shared_by_hundreds_of_tenants_stays_short()
    {
        for (var i = 0; i < 500; i++)
            _index.Contact("shared@contoso.com", new TenantRef($"ten_{i}", $"Tenant {i} " + new string('x', 180)));

        var decision = await Match("shared@contoso.com");

        Assert.Equal(TicketMatch.None, decision.Match);
        Assert.InRange(decision.Reason!.Length, 1, RoutingDecision.MaxReasonLength);
        Assert.Contains("and 495 more", decision.Reason);
    }

    [Fact]
    public async Task Two_contacts_of_one_tenant_with_the_same_address_are_one_contact_match()
    {
        _index.Contact("shared@contoso.com", Contoso);
        _index.Contact("shared@contoso.com", Contoso);

        var decision = await Match("shared@contoso.com");

        Assert.Equal(TicketMatch.Contact, decision.Match);
    }

    [Fact]
    public async Task Does_not_route_by_a_public_mailbox_provider_domain()
    {
        _index.Domain("gmail.com", Contoso); // cannot happen through the rules; routing must not rely on that

        var decision = await Match("stranger@gmail.com");

        Assert.Equal(RoutingDecision.Unassigned("gmail.com is a public mailbox provider; only a contact's exact address routes it"), decision);
        Assert.Empty(_index.DomainLookups);
    }

    [Fact]
    public async Task Sender_on_a_public_suffix_is_unassigned_without_domain_lookups()
    {
        var decision = await Match("someone@co.uk");

        Assert.Equal(RoutingDecision.Unassigned("co.uk is a public suffix; no tenant can own it"), decision);
        Assert.Empty(_index.DomainLookups);
    }

    [Fact]
    public async Task Unusable_sender_is_unassigned_with_the_reason_and_no_lookups()
    {
        var decision = await _router.MatchAsync(Account, "not an address", null, CancellationToken.None);

        Assert.Equal(RoutingDecision.Unassigned("sender address is not usable: 'not an address' is not a parseable email address."), decision);
        Assert.Empty(_index.ContactLookups);
    }

    [Fact]
    public async Task Makes_one_contact_lookup_and_one_domain_lookup_for_every_level_at_once()
    {
        await Match("someone@a.b.c.d.contoso.com");

        Assert.Single(_index.ContactLookups);
        Assert.Equal(["a.b.c.d.contoso.com", "b.c.d.contoso.com", "c.d.contoso.com", "d.contoso.com", "contoso.com"], Assert.Single(_index.DomainLookups));
    }

    [Fact]
    public async Task Looks_up_within_the_ticket_account_only()
    {
        _index.Domain("contoso.com", Contoso, account: "acc_other");

        var decision = await Match("someone@contoso.com");

        Assert.Equal(TicketMatch.None, decision.Match);
        Assert.All(_index.Accounts, a => Assert.Equal(Account, a));
    }

    [Fact]
    public async Task Passes_the_cancellation_token_to_the_index()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            _router.MatchAsync(Account, "someone@contoso.com", null, cts.Token));
    }

    [Fact]
    public async Task Route_builds_the_assignment_stamped_with_the_clock()
    {
        var now = new DateTimeOffset(2026, 1, 31, 9, 30, 0, TimeSpan.Zero);
        var router = new TicketRouter(_index, new FixedClock(now));
        _index.Domain("contoso.com", Contoso);

        var assignment = await router.RouteAsync(
            new IncomingTicket(Account, "T-1", "\"Doe, John\" <John.Doe+tickets@EU.Contoso.COM>"), CancellationToken.None);

        Assert.Equal(new TicketAssignment(Account, "T-1", Contoso.Id, Contoso.Name, "contoso.com", TicketMatch.Parent, now, null), assignment);
    }

    [Fact]
    public async Task Route_honours_the_ticket_sender_authentication()
    {
        _index.Domain("contoso.com", Contoso);

        var assignment = await _router.RouteAsync(
            new IncomingTicket(Account, "T-1", "ceo@contoso.com", SenderAuthentication: SenderAuthentication.Fail), CancellationToken.None);

        Assert.Equal(TicketMatch.None, assignment.Match);
        Assert.Null(assignment.TenantId);
        Assert.Equal(FailedAuthentication, assignment.Reason);
    }

    [Fact]
    public async Task A_batch_routes_each_ticket_as_it_would_be_routed_alone_with_one_lookup_for_all_senders()
    {
        _index.Contact("ann@contoso.com", Contoso);
        _index.Domain("contoso.com", Contoso);
        _index.Domain("eu.contoso.com", ContosoEurope);
        _index.Domain("fabrikam.com", Fabrikam);
        IncomingTicket[] tickets =
        [
            new(Account, "T-1", "Ann <ann+help@contoso.com>"),
            new(Account, "T-2", "x@mail.eu.contoso.com"),
            new(Account, "T-3", "ceo@fabrikam.com", SenderAuthentication: SenderAuthentication.Fail),
            new(Account, "T-4", "nobody@unknown.org"),
            new(Account, "T-5", "ann@contoso.com"),
            new(Account, "T-6", "someone@gmail.com"),
        ];

        var batch = await _router.RouteManyAsync(Account, tickets, CancellationToken.None);

        Assert.Equal(1, _index.ManyLookups);
        Assert.Equal(4, _index.ContactLookups.Count); // ann twice is one sender; the failed sender is not looked up
        _index.ManyLookups = 0;
        foreach (var (ticket, routed) in tickets.Zip(batch))
        {
            var alone = await _router.MatchAsync(Account, ticket.From, ticket.SenderAuthentication, CancellationToken.None);
            Assert.Equal((ticket.TicketId, alone), (routed.TicketId, new RoutingDecision(routed.TenantId, routed.TenantName, routed.MatchedDomain, routed.Match, routed.Reason)));
        }
        Assert.Equal(0, _index.ManyLookups);
    }

    [Fact]
    public async Task A_batch_of_failed_senders_looks_nothing_up()
    {
        var batch = await _router.RouteManyAsync(Account,
            [new IncomingTicket(Account, "T-1", "ceo@contoso.com", SenderAuthentication: SenderAuthentication.Fail)], CancellationToken.None);

        Assert.Equal(FailedAuthentication, Assert.Single(batch).Reason);
        Assert.Equal(0, _index.ManyLookups);
    }

    private const string FailedAuthentication = "sender failed authentication; not routed, not even to a contact";

    private Task<RoutingDecision> Match(string from, SenderAuthentication? authentication = null) =>
        _router.MatchAsync(Account, from, authentication, CancellationToken.None);

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    /// <summary>An in-memory index that records every lookup, to check the order and the bound on lookups.</summary>
    private sealed class FakeRoutingIndex : ITicketRoutingIndex
    {
        private readonly List<(string Account, string Key, TenantRef Tenant)> _contacts = [];
        private readonly Dictionary<(string Account, string Domain), TenantRef> _domains = [];

        public List<string> ContactLookups { get; } = [];
        public List<IReadOnlyList<string>> DomainLookups { get; } = [];
        public List<string> Accounts { get; } = [];
        public int ManyLookups { get; set; }

        public void Contact(string key, TenantRef tenant, string account = Account) => _contacts.Add((account, key, tenant));

        public void Domain(string domain, TenantRef tenant, string account = Account) => _domains[(account, domain)] = tenant;

        public Task<SenderIndexEntries> FindAsync(string accountId, string emailKey, IReadOnlyList<string> asciiDomains, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Accounts.Add(accountId);
            ContactLookups.Add(emailKey);
            if (asciiDomains.Count > 0) DomainLookups.Add(asciiDomains);
            IReadOnlyList<TenantRef> contacts = _contacts.Where(c => c.Account == accountId && c.Key == emailKey).Select(c => c.Tenant).ToList();
            IReadOnlyDictionary<string, TenantRef> owners = asciiDomains.Where(d => _domains.ContainsKey((accountId, d)))
                .ToDictionary(d => d, d => _domains[(accountId, d)]);
            return Task.FromResult(new SenderIndexEntries(contacts, owners));
        }

        public async Task<IReadOnlyList<SenderIndexEntries>> FindManyAsync(string accountId, IReadOnlyList<SenderLookup> senders, CancellationToken cancellationToken)
        {
            ManyLookups++;
            var found = new List<SenderIndexEntries>();
            foreach (var sender in senders) found.Add(await FindAsync(accountId, sender.EmailKey, sender.AsciiDomains, cancellationToken));
            return found;
        }
    }
}
