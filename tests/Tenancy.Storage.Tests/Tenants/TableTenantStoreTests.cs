using Azure.Data.Tables;
using Tenancy.Core.Common;
using Tenancy.Core.Contacts;
using Tenancy.Core.Tenants;
using Tenancy.Storage.Tenants;
using Tenancy.TestSupport;

namespace Tenancy.Storage.Tests.Tenants;

[Collection(AzuriteCollection.Name)]
public class TableTenantStoreTests(AzuriteFixture azurite)
{
    private readonly TableTenantStore _store = new(azurite.Tables);
    private readonly string _account = AzuriteFixture.NewAccountId();
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    private static Tenant NewTenant(string name, int contacts = 1, string[]? domains = null, string? id = null)
    {
        var tenantId = id ?? Ids.New("tnt");
        var list = Enumerable.Range(0, contacts)
            .Select(i => new Contact($"con_{tenantId}-{i:D4}", $"Contact {i}", null, $"c{i}@example.org", null, null, null, i == 0, Now))
            .ToList();
        return new Tenant(tenantId, name, "notes", list, domains ?? [], TenantOrigin.Console, Now, Now);
    }

    [Fact]
    public async Task Created_tenant_reads_back_with_contacts_in_order_and_an_etag()
    {
        var created = await _store.CreateAsync(_account, NewTenant("Contoso", contacts: 3, domains: ["contoso.com"]), [], null, CancellationToken.None);

        var read = await _store.FindAsync(_account, created.Id, CancellationToken.None);

        Assert.NotNull(read);
        Assert.Equal(["Contact 0", "Contact 1", "Contact 2"], read.Contacts.Select(c => c.Name));
        Assert.Equal(["contoso.com"], read.Domains);
        Assert.False(string.IsNullOrEmpty(read.ETag));
    }

    [Fact]
    public async Task A_second_tenant_with_the_same_name_key_is_a_conflict_naming_the_first()
    {
        var first = await _store.CreateAsync(_account, NewTenant("Contoso Ltd"), [], null, CancellationToken.None);

        var ex = await Assert.ThrowsAsync<ConflictException>(() =>
            _store.CreateAsync(_account, NewTenant("contoso ltd"), [], null, CancellationToken.None));

        Assert.Equal(first.Id, ex.Details["tenantId"]);
        Assert.Equal("Contoso Ltd", ex.Details["tenantName"]);
    }

    [Fact]
    public async Task Creating_the_same_tenant_id_twice_returns_the_stored_tenant()
    {
        var tenant = NewTenant("Retried", contacts: 2);
        await _store.CreateAsync(_account, tenant, [], null, CancellationToken.None);

        var again = await _store.CreateAsync(_account, tenant, [], null, CancellationToken.None);

        Assert.Equal(tenant.Id, again.Id);
        Assert.Equal(2, again.Contacts.Count);
    }

    [Fact]
    public async Task Names_with_key_reserved_characters_are_stored_and_found()
    {
        var created = await _store.CreateAsync(_account, NewTenant("A/B #1? 100% | C\\D"), [], null, CancellationToken.None);

        var page = await _store.ListAsync(_account, TenantName.Key("a/b #1?"), new PageRequest(10, null), CancellationToken.None);

        Assert.Equal([created.Id], page.Items.Select(t => t.Id));
    }

    [Fact]
    public async Task Tenants_of_another_account_are_invisible()
    {
        var created = await _store.CreateAsync(_account, NewTenant("Private"), [], null, CancellationToken.None);

        Assert.Null(await _store.FindAsync(AzuriteFixture.NewAccountId(), created.Id, CancellationToken.None));
    }

    [Fact]
    public async Task Lists_in_name_order_across_pages_with_continuation_tokens()
    {
        foreach (var name in new[] { "delta", "Alpha", "charlie", "Bravo", "echo" })
            await _store.CreateAsync(_account, NewTenant(name), [], null, CancellationToken.None);

        var names = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = await _store.ListAsync(_account, null, new PageRequest(2, token), CancellationToken.None);
            names.AddRange(page.Items.Select(t => t.Name));
            token = page.ContinuationToken;
            pages++;
        } while (token is not null);

        Assert.Equal(["Alpha", "Bravo", "charlie", "delta", "echo"], names);
        Assert.True(pages >= 3);
    }

    [Fact]
    public async Task A_forged_continuation_token_is_a_validation_error() =>
        await Assert.ThrowsAsync<ValidationException>(() =>
            _store.ListAsync(_account, null, new PageRequest(2, "%%%not-a-token"), CancellationToken.None));

    [Fact]
    public async Task Update_with_a_stale_etag_changes_nothing()
    {
        var created = await _store.CreateAsync(_account, NewTenant("Stale"), [], null, CancellationToken.None);
        var fresh = await _store.UpdateAsync(_account, created, created with { Notes = "first" }, null, CancellationToken.None);

        await Assert.ThrowsAsync<ConcurrencyException>(() =>
            _store.UpdateAsync(_account, created, created with { Notes = "second" }, null, CancellationToken.None));

        Assert.Equal("first", (await _store.FindAsync(_account, created.Id, CancellationToken.None))!.Notes);
        Assert.NotEqual(created.ETag, fresh.ETag);
    }

    [Fact]
    public async Task Renaming_frees_the_old_name_and_takes_the_new_one()
    {
        var created = await _store.CreateAsync(_account, NewTenant("Old name"), [], null, CancellationToken.None);

        await _store.UpdateAsync(_account, created, created with { Name = "New name" }, null, CancellationToken.None);

        await _store.CreateAsync(_account, NewTenant("old NAME"), [], null, CancellationToken.None);
        await Assert.ThrowsAsync<ConflictException>(() => _store.CreateAsync(_account, NewTenant("new name"), [], null, CancellationToken.None));
    }

    [Fact]
    public async Task Rename_onto_a_taken_name_is_a_conflict_and_changes_nothing()
    {
        await _store.CreateAsync(_account, NewTenant("Taken"), [], null, CancellationToken.None);
        var other = await _store.CreateAsync(_account, NewTenant("Other"), [], null, CancellationToken.None);

        await Assert.ThrowsAsync<ConflictException>(() =>
            _store.UpdateAsync(_account, other, other with { Name = "TAKEN" }, null, CancellationToken.None));

        Assert.Equal("Other", (await _store.FindAsync(_account, other.Id, CancellationToken.None))!.Name);
    }

    [Fact]
    public async Task A_change_over_the_transaction_limit_is_refused_before_it_is_sent()
    {
        var created = await _store.CreateAsync(_account, NewTenant("Big change"), [], null, CancellationToken.None);
        var many = Enumerable.Range(0, 120)
            .Select(i => new Contact($"con_x-{i:D4}", $"n{i}", null, null, null, null, null, false, Now)).ToList();

        await Assert.ThrowsAsync<ValidationException>(() =>
            _store.UpdateAsync(_account, created, created with { Contacts = [.. created.Contacts, .. many] }, null, CancellationToken.None));

        Assert.Single((await _store.FindAsync(_account, created.Id, CancellationToken.None))!.Contacts);
    }

    [Fact]
    public async Task Deleting_a_tenant_removes_all_its_rows_and_frees_its_name()
    {
        var created = await _store.CreateAsync(_account, NewTenant("Doomed", contacts: 3, domains: ["doomed.com"]), [], null, CancellationToken.None);

        Assert.True(await _store.DeleteAsync(_account, created.Id, null, CancellationToken.None));

        Assert.Empty(await RowsAsync());
        Assert.False(await _store.DeleteAsync(_account, created.Id, null, CancellationToken.None));
    }

    [Fact]
    public async Task Deleting_a_tenant_with_more_rows_than_one_transaction_holds_removes_them_all()
    {
        var tenant = NewTenant("Large", contacts: 1);
        var created = await _store.CreateAsync(_account, tenant, [], null, CancellationToken.None);
        var current = created;
        for (var batch = 0; batch < 3; batch++)
        {
            var more = Enumerable.Range(0, 60)
                .Select(i => new Contact($"con_b{batch}-{i:D4}", $"n{i}", null, null, null, null, null, false, Now)).ToList();
            current = await _store.UpdateAsync(_account, current, current with { Contacts = [.. current.Contacts, .. more] }, null, CancellationToken.None);
        }

        Assert.True(await _store.DeleteAsync(_account, created.Id, null, CancellationToken.None));

        Assert.Empty(await RowsAsync());
    }

    private async Task<List<TableEntity>> RowsAsync()
    {
        var rows = new List<TableEntity>();
        await foreach (var row in azurite.Tables.Tenancy.QueryAsync<TableEntity>($"PartitionKey eq '{_account}'"))
            rows.Add(row);
        return rows;
    }
}
