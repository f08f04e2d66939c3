using System.Net;
using System.Text.Json.Nodes;
using Tenancy.TestSupport;

namespace Tenancy.Api.Tests.Domains;

[Collection(LocalHostCollection.Name)]
public class DomainRoutesTests(LocalHostFixture host)
{
    private static async Task<JsonArray> DomainsAsync(HttpClient client, string tenantId) =>
        (await (await client.GetAsync($"api/tenants/{tenantId}/domains")).ReadObjectAsync())["domains"]!.AsArray();

    [Fact]
    public async Task Added_domains_are_normalised_to_lowercase_ascii()
    {
        var client = await host.ClientForNewAccountAsync();
        var tenant = (string)(await client.CreateTenantAsync("Normaliser"))["id"]!;

        var first = await client.PostAsync($"api/tenants/{tenant}/domains", Http.Json(new { domain = " Contoso.COM. " }));
        await client.PostAsync($"api/tenants/{tenant}/domains", Http.Json(new { domain = "münchen.de" }));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(["contoso.com", "xn--mnchen-3ya.de"], (await DomainsAsync(client, tenant)).Select(d => (string)d!));
    }

    [Theory]
    [InlineData("192.168.1.10")]
    [InlineData("*.contoso.com")]
    [InlineData("co.uk")]
    [InlineData("gmail.com")]
    [InlineData("localhost")]
    [InlineData("bad_domain!.com")]
    public async Task Unacceptable_domains_get_400_and_change_nothing(string domain)
    {
        var client = await host.ClientForNewAccountAsync();
        var tenant = (string)(await client.CreateTenantAsync("Strict domains"))["id"]!;

        var problem = await (await client.PostAsync($"api/tenants/{tenant}/domains", Http.Json(new { domain }))).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.True(problem["errors"]!.AsObject().ContainsKey("domain"));
        Assert.Empty(await DomainsAsync(client, tenant));
    }

    [Fact]
    public async Task A_domain_owned_by_another_tenant_is_409_naming_the_owner()
    {
        var client = await host.ClientForNewAccountAsync();
        var owner = await client.CreateTenantAsync("Domain owner");
        var other = (string)(await client.CreateTenantAsync("Claimant"))["id"]!;
        await client.PostAsync($"api/tenants/{owner["id"]}/domains", Http.Json(new { domain = "owned.com" }));

        var viaPost = await (await client.PostAsync($"api/tenants/{other}/domains", Http.Json(new { domain = "OWNED.com" }))).AssertProblemAsync(HttpStatusCode.Conflict);
        var viaPut = await (await client.PutAsync($"api/tenants/{other}/domains", Http.Json(new { domains = new[] { "free.com", "owned.com" } }))).AssertProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal((string?)owner["id"], (string?)viaPost["tenantId"]);
        Assert.Equal("Domain owner", (string?)viaPut["tenantName"]);
        Assert.Empty(await DomainsAsync(client, other));
    }

    [Fact]
    public async Task Put_replaces_the_set_and_releases_the_others()
    {
        var client = await host.ClientForNewAccountAsync();
        var a = (string)(await client.CreateTenantAsync("Replacer"))["id"]!;
        var b = (string)(await client.CreateTenantAsync("Waiter"))["id"]!;
        await client.PutAsync($"api/tenants/{a}/domains", Http.Json(new { domains = new[] { "one.com", "two.com" } }));

        var response = await client.PutAsync($"api/tenants/{a}/domains", Http.Json(new { domains = new[] { "two.com", "three.com" } }));

        Assert.Equal(["two.com", "three.com"], (await response.ReadObjectAsync())["domains"]!.AsArray().Select(d => (string)d!));
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsync($"api/tenants/{b}/domains", Http.Json(new { domain = "one.com" }))).StatusCode);
    }

    [Fact]
    public async Task Removing_a_domain_frees_it_and_unknown_ones_are_404()
    {
        var client = await host.ClientForNewAccountAsync();
        var tenant = (string)(await client.CreateTenantAsync("Remover"))["id"]!;
        await client.PostAsync($"api/tenants/{tenant}/domains", Http.Json(new { domain = "gone.com" }));

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"api/tenants/{tenant}/domains/gone.com")).StatusCode);

        Assert.Empty(await DomainsAsync(client, tenant));
        await (await client.DeleteAsync($"api/tenants/{tenant}/domains/gone.com")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Create_with_domains_claims_them_and_deleting_the_tenant_releases_them()
    {
        var client = await host.ClientForNewAccountAsync();
        var created = await client.PostAsync("api/tenants", Http.Json(new { name = "With domains", contacts = new[] { new { name = "Ann" } }, domains = new[] { "withdomains.com", "sub.withdomains.org" } }));
        var tenant = await created.ReadObjectAsync();
        Assert.Equal(2, tenant["domains"]!.AsArray().Count);

        var clash = await client.PostAsync("api/tenants", Http.Json(new { name = "Clash", contacts = new[] { new { name = "Bob" } }, domains = new[] { "withdomains.com" } }));
        await clash.AssertProblemAsync(HttpStatusCode.Conflict);

        await client.DeleteAsync($"api/tenants/{tenant["id"]}");
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsync("api/tenants", Http.Json(new { name = "Clash", contacts = new[] { new { name = "Bob" } }, domains = new[] { "withdomains.com" } }))).StatusCode);
    }

    [Fact]
    public async Task Concurrent_claims_of_one_domain_by_two_tenants_have_exactly_one_winner()
    {
        var client = await host.ClientForNewAccountAsync();
        var tenants = new List<string>();
        for (var i = 0; i < 2; i++) tenants.Add((string)(await client.CreateTenantAsync($"Claimer {i}"))["id"]!);

        for (var round = 0; round < 10; round++)
        {
            var domain = $"race{round}.com";
            var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(i =>
                client.PostAsync($"api/tenants/{tenants[i % 2]}/domains", Http.Json(new { domain }))));

            var owners = new List<string>();
            foreach (var tenant in tenants)
                if ((await DomainsAsync(client, tenant)).Any(d => (string)d! == domain)) owners.Add(tenant);
            Assert.Single(owners);
            Assert.All(responses, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.Created, HttpStatusCode.Conflict }));
        }
    }
}
