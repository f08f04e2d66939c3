using System.Net;
using Tenancy.TestSupport;

namespace Tenancy.Api.Tests.Tenants;

/// <summary>Names a person cannot tell apart are one name (R2): invisible characters and look-alike letters do not make a second "Acme Corp".</summary>
[Collection(LocalHostCollection.Name)]
public class LookAlikeNameTests(LocalHostFixture host)
{
    [Theory]
    [InlineData("Acme\u200B Corp")]
    [InlineData("\uFEFFAcme Corp")]
    [InlineData("\u200EAcme Corp")]
    [InlineData("\u0410cme Corp")]
    [InlineData("\uFF21\uFF43\uFF4D\uFF45 Corp")]
    public async Task A_look_alike_of_an_existing_name_is_a_conflict(string name)
    {
        var client = await host.ClientForNewAccountAsync();
        await client.CreateTenantAsync("Acme Corp");

        await (await client.PostAsync("api/tenants", Http.Json(Http.Tenant(name)))).AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_name_typed_with_invisible_characters_is_stored_without_them_and_found_by_search()
    {
        var client = await host.ClientForNewAccountAsync();

        var created = await client.CreateTenantAsync("\uFEFF\u200EZeta\u200B Corp", new { name = "\u200BAnn\u2060 Lee" });
        var found = await (await client.GetAsync("api/tenants?search=zeta")).ReadObjectAsync();

        Assert.Equal("Zeta Corp", (string?)created["name"]);
        Assert.Equal("Ann Lee", (string?)created["contacts"]![0]!["name"]);
        Assert.Equal("Zeta Corp", (string?)Assert.Single(found["items"]!.AsArray())!["name"]);
    }

    [Fact]
    public async Task Search_with_look_alike_letters_finds_the_name()
    {
        var client = await host.ClientForNewAccountAsync();
        await client.CreateTenantAsync("Acme Corp");

        var found = await (await client.GetAsync($"api/tenants?search={Uri.EscapeDataString("\u0430cme")}")).ReadObjectAsync();

        Assert.Single(found["items"]!.AsArray());
    }
}
