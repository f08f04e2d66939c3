using Azure.Data.Tables;
using Tenancy.Core.Contacts;
using Tenancy.Core.Tenants;
using Tenancy.Storage.Tenants;
using Tenancy.TestSupport;

namespace Tenancy.Storage.Tests.Tenants;

[Collection(AzuriteCollection.Name)]
public class TableTenantExportSourceTests(AzuriteFixture azurite)
{
    private readonly TableTenantStore _store = new(azurite.Tables);
    private readonly string _account = AzuriteFixture.NewAccountId();
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Every_tenant_comes_once_with_all_its_contacts_across_page_boundaries_and_none_being_deleted()
    {
        var created = new List<Tenant>();
        for (var i = 0; i < 25; i++)
            created.Add(await _store.CreateAsync(_account, NewTenant($"Tenant {i}", contacts: 1 + i % 4, domains: [$"t{i}.example"]), [], null, CancellationToken.None));
        var deleting = await _store.CreateAsync(_account, NewTenant("Being deleted", contacts: 2), [], null, CancellationToken.None);
        await azurite.Tables.Tenancy.UpdateEntityAsync(new TableEntity(_account, TenantRows.TenantKey(deleting.Id)) { ["Deleting"] = true },
            Azure.ETag.All, TableUpdateMode.Merge);
        await _store.CreateAsync(AzuriteFixture.NewAccountId(), NewTenant("Another account's"), [], null, CancellationToken.None);

        // Pages of 7 rows: tenants of 1 to 4 contacts (2 to 5 rows) straddle every page boundary.
        var read = await new TableTenantExportSource(azurite.Tables, pageSize: 7).ReadAllAsync(_account, CancellationToken.None).ToListAsync();

        Assert.Equal(created.Select(t => t.Id).Order(StringComparer.Ordinal), read.Select(t => t.Id));
        foreach (var tenant in read)
        {
            var expected = created.Single(t => t.Id == tenant.Id);
            Assert.Equal(expected.Name, tenant.Name);
            Assert.Equal(expected.Domains, tenant.Domains);
            Assert.Equal(expected.Contacts.Select(c => (c.Id, c.Name, c.Email, c.IsPrimary)), tenant.Contacts.Select(c => (c.Id, c.Name, c.Email, c.IsPrimary)));
        }
    }

    [Fact]
    public async Task An_account_without_tenants_exports_nothing()
    {
        Assert.Empty(await new TableTenantExportSource(azurite.Tables).ReadAllAsync(_account, CancellationToken.None).ToListAsync());
    }

    private static Tenant NewTenant(string name, int contacts = 1, string[]? domains = null)
    {
        var tenantId = Core.Common.Ids.New("tnt");
        var list = Enumerable.Range(0, contacts)
            .Select(i => new Contact($"con_{tenantId}-{i:D4}", $"Contact {i}", "Role", $"c{i}@{name.Replace(" ", "").ToLowerInvariant()}.org", "+44", "020 7946 000" + i, null, i == 0, Now))
            .ToList();
        return new Tenant(tenantId, name, "notes", list, domains ?? [], TenantOrigin.Console, Now, Now);
    }
}
