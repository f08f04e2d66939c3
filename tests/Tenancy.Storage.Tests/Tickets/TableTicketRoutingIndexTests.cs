using Azure.Data.Tables;
using Tenancy.Core.Contacts;
using Tenancy.Core.Tenants;
using Tenancy.Core.Tickets;
using Tenancy.Storage.Tenants;
using Tenancy.Storage.Tickets;
using Tenancy.TestSupport;

namespace Tenancy.Storage.Tests.Tickets;

[Collection(AzuriteCollection.Name)]
public class TableTicketRoutingIndexTests(AzuriteFixture azurite)
{
    private readonly TableTenantStore _store = new(azurite.Tables);
    private readonly TableTicketRoutingIndex _index = new(azurite.Tables);
    private readonly string _account = AzuriteFixture.NewAccountId();
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task One_lookup_finds_the_contacts_tenant_with_its_current_name_and_every_domain_level_owner()
    {
        var contoso = await CreateAsync("Contoso", "ann@contoso.com", "contoso.com");
        var europe = await CreateAsync("Contoso Europe", "eva@contoso.eu", "eu.contoso.com");
        var outsider = await CreateAsync("Outsourced Helpdesk", "ann@contoso.com", "helpdesk.example");

        var found = await _index.FindAsync(_account, "ann@contoso.com", ["mail.eu.contoso.com", "eu.contoso.com", "contoso.com"], CancellationToken.None);

        Assert.Equal([new TenantRef(contoso.Id, "Contoso"), new TenantRef(outsider.Id, "Outsourced Helpdesk")], found.ContactTenants.OrderBy(t => t.Name));
        Assert.Equal(new TenantRef(europe.Id, "Contoso Europe"), found.DomainOwners["eu.contoso.com"]);
        Assert.Equal(new TenantRef(contoso.Id, "Contoso"), found.DomainOwners["contoso.com"]);
        Assert.False(found.DomainOwners.ContainsKey("mail.eu.contoso.com"));
    }

    [Theory]
    [InlineData("contoso.com")]   // the name comes with the domain row
    [InlineData("elsewhere.org")] // the name comes from the tenant row
    public async Task A_contact_match_names_its_tenant_as_it_is_called_now(string domainLookedUp)
    {
        var tenant = await CreateAsync("Contoso", "ann@contoso.com", "contoso.com");
        await _store.UpdateAsync(_account, tenant, tenant with { Name = "Contoso Renamed" }, null, CancellationToken.None);

        var found = await _index.FindAsync(_account, "ann@contoso.com", [domainLookedUp], CancellationToken.None);

        Assert.Equal(new TenantRef(tenant.Id, "Contoso Renamed"), Assert.Single(found.ContactTenants));
    }

    [Fact]
    public async Task A_tenant_being_deleted_is_no_contact_match()
    {
        var tenant = await CreateAsync("Leaving", "ann@leaving.com");
        await azurite.Tables.Tenancy.UpdateEntityAsync(new TableEntity(_account, TenantRows.TenantKey(tenant.Id)) { ["Deleting"] = true },
            Azure.ETag.All, TableUpdateMode.Merge);

        var found = await _index.FindAsync(_account, "ann@leaving.com", ["leaving.com"], CancellationToken.None);

        Assert.Empty(found.ContactTenants);
    }

    [Fact]
    public async Task No_domain_levels_means_no_domain_lookup_and_another_accounts_rows_are_never_seen()
    {
        await CreateAsync("Contoso", "ann@contoso.com", "contoso.com");

        var none = await _index.FindAsync(_account, "ann@contoso.com", [], CancellationToken.None);
        var other = await _index.FindAsync(AzuriteFixture.NewAccountId(), "ann@contoso.com", ["contoso.com"], CancellationToken.None);

        Assert.Empty(none.DomainOwners);
        Assert.Empty(other.ContactTenants);
        Assert.Empty(other.DomainOwners);
    }

    [Fact]
    public async Task A_batch_of_senders_gets_for_each_what_a_lookup_of_it_alone_gets()
    {
        // More senders than one query's filter may hold, so that several queries are read and put together again.
        var tenants = new List<Tenant>();
        for (var i = 0; i < 9; i++)
            tenants.Add(await CreateAsync($"Batch {i}", $"ann@batch{i}.com", $"batch{i}.com", $"eu.batch{i}.com"));
        var shared = await CreateAsync("Shared", "ann@batch0.com"); // ann@batch0.com is a contact of two tenants
        var senders = Enumerable.Range(0, 9)
            .SelectMany(i => new[]
            {
                new SenderLookup($"ann@batch{i}.com", [$"batch{i}.com"]),
                new SenderLookup($"x@mail.eu.batch{i}.com", [$"mail.eu.batch{i}.com", $"eu.batch{i}.com", $"batch{i}.com"]),
            })
            .Append(new SenderLookup("ann@batch3.com", [])) // its tenant is named by another sender's domain row
            .Append(new SenderLookup("nobody@elsewhere.org", ["elsewhere.org"]))
            .ToList();

        var found = await _index.FindManyAsync(_account, senders, CancellationToken.None);

        Assert.Equal(senders.Count, found.Count);
        for (var i = 0; i < senders.Count; i++)
        {
            var alone = await _index.FindAsync(_account, senders[i].EmailKey, senders[i].AsciiDomains, CancellationToken.None);
            Assert.Equal(alone.ContactTenants.OrderBy(t => t.Id), found[i].ContactTenants.OrderBy(t => t.Id));
            Assert.Equal(alone.DomainOwners.OrderBy(o => o.Key), found[i].DomainOwners.OrderBy(o => o.Key));
        }
        Assert.Equal([new TenantRef(tenants[0].Id, "Batch 0"), new TenantRef(shared.Id, "Shared")], found[0].ContactTenants.OrderBy(t => t.Name));
        Assert.Equal(new TenantRef(tenants[4].Id, "Batch 4"), found[9].DomainOwners["eu.batch4.com"]);
        Assert.Equal(new TenantRef(tenants[3].Id, "Batch 3"), Assert.Single(found[18].ContactTenants));
        Assert.Empty(found[19].ContactTenants);
        Assert.Empty(found[19].DomainOwners);
    }

    private Task<Tenant> CreateAsync(string name, string email, params string[] domains)
    {
        var id = Core.Common.Ids.New("tnt");
        var contact = new Contact($"con_{id}", "Ann", null, email, null, null, null, true, Now);
        return _store.CreateAsync(_account, new Tenant(id, name, null, [contact], domains, TenantOrigin.Console, Now, Now), [], null, CancellationToken.None);
    }
}
