using Tenancy.TestSupport;

namespace Tenancy.Client.Tests;

/// <summary>What the console does with tenants, through the client generated from the served document.</summary>
[Collection(LocalHostCollection.Name)]
public sealed class TenantFlowTests(LocalHostFixture host)
{
    [Fact]
    public async Task A_tenant_is_created_found_by_paging_to_the_end_updated_once_and_given_a_contact()
    {
        var client = await GeneratedClients.ForNewAccountAsync(host);

        var created = await client.CreateTenantAsync(new CreateTenantBody
        {
            Name = "Northwind Traders",
            Notes = "Key account",
            Contacts =
            {
                new ContactBody { Name = "Ann Lee", Email = "ann@northwind.example", IsPrimary = true },
                new ContactBody { Name = "Bob Ray", Role = "Accountant", CountryCode = "+33", Phone = "6 12 34 56 78" },
            },
            Domains = ["northwind.example"],
        });
        Assert.Equal(201, created.StatusCode);
        var tenant = created.Result;
        Assert.Equal(["Ann Lee", "Bob Ray"], tenant.Contacts.Select(c => c.Name).Order());
        Assert.True(tenant.Contacts.Single(c => c.Name == "Ann Lee").IsPrimary);
        Assert.Equal(["northwind.example"], tenant.Domains);

        for (var i = 1; i <= 4; i++)
            await client.CreateTenantAsync(new CreateTenantBody { Name = $"North Star {i}", Contacts = { new ContactBody { Name = "Cy" } } });
        await client.CreateTenantAsync(new CreateTenantBody { Name = "Southwind", Contacts = { new ContactBody { Name = "Di" } } });
        var found = new List<TenantListItem>();
        string? token = null;
        do
        {
            var page = (await client.ListTenantsAsync(search: "north", pageSize: 2, continuationToken: token)).Result;
            Assert.InRange(page.Items.Count, 0, 2);
            found.AddRange(page.Items);
            token = page.ContinuationToken;
        } while (token is not null);
        Assert.Equal(["North Star 1", "North Star 2", "North Star 3", "North Star 4", "Northwind Traders"], found.Select(t => t.Name).Order());
        Assert.Equal(2, found.Single(t => t.Id == tenant.Id).ContactCount);

        var read = await client.GetTenantAsync(tenant.Id);
        var stale = read.ETag();
        var updated = await client.UpdateTenantAsync(tenant.Id, new PatchTenantBody { Notes = "Renewed in March" }, if_Match: stale);
        Assert.Equal(("Northwind Traders", "Renewed in March"), (updated.Result.Name, updated.Result.Notes));
        var refused = await Assert.ThrowsAsync<ApiException<Problem>>(() =>
            client.UpdateTenantAsync(tenant.Id, new PatchTenantBody { Notes = "Lost update" }, if_Match: stale));
        Assert.Equal(412, refused.StatusCode);
        Assert.Equal("Renewed in March", (await client.GetTenantAsync(tenant.Id)).Result.Notes);

        var contact = await client.AddContactAsync(tenant.Id, new ContactBody { Name = "Eve Moss", Email = "eve@northwind.example" },
            if_Match: updated.ETag());
        Assert.Equal(201, contact.StatusCode);
        Assert.False(contact.Result.IsPrimary);
        Assert.Equal(3, (await client.GetTenantAsync(tenant.Id)).Result.Contacts.Count);
    }

    [Fact]
    public async Task A_group_owned_by_another_tenant_is_a_typed_conflict_naming_it_until_the_move_is_confirmed()
    {
        var client = await GeneratedClients.ForNewAccountAsync(host);
        var owner = (await client.CreateTenantAsync(new CreateTenantBody { Name = "Owner Ltd", Contacts = { new ContactBody { Name = "Al" } } })).Result;
        var other = (await client.CreateTenantAsync(new CreateTenantBody { Name = "Other Ltd", Contacts = { new ContactBody { Name = "Bo" } } })).Result;
        var group = (await client.CreateDeviceGroupAsync(new CreateDeviceGroupBody { Name = "Laptops", TenantId = owner.Id })).Result;

        var conflict = await Assert.ThrowsAsync<ApiException<ConflictProblem>>(() =>
            client.AssignDeviceGroupsAsync(other.Id, new AssignGroupsBody { GroupIds = { group.Id } }));

        Assert.Equal(409, conflict.StatusCode);
        var named = Assert.Single(conflict.Result.Conflicts);
        Assert.Equal((group.Id, owner.Id, "Owner Ltd"), (named.GroupId, named.TenantId, named.TenantName));
        Assert.Empty((await client.GetTenantAsync(other.Id)).Result.DeviceGroups);

        var moved = await client.AssignDeviceGroupsAsync(other.Id, new AssignGroupsBody { GroupIds = { group.Id }, ConfirmReassign = true });
        Assert.Equal([group.Id], moved.Result.DeviceGroups.Select(g => g.Id));
        Assert.Empty((await client.GetTenantAsync(owner.Id)).Result.DeviceGroups);
    }
}
