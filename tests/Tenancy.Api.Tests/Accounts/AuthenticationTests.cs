using System.Net;
using System.Net.Http.Headers;
using Tenancy.Core.Accounts;
using Tenancy.TestSupport;

namespace Tenancy.Api.Tests.Accounts;

[Collection(LocalHostCollection.Name)]
public class AuthenticationTests(LocalHostFixture host)
{
    [Theory]
    [InlineData("GET", "api/tenants")]
    [InlineData("POST", "api/tenants")]
    [InlineData("GET", "api/tenants/tnt_x")]
    [InlineData("PATCH", "api/tenants/tnt_x")]
    [InlineData("DELETE", "api/tenants/tnt_x")]
    [InlineData("POST", "api/tenants/tnt_x/contacts")]
    [InlineData("PATCH", "api/tenants/tnt_x/contacts/con_x")]
    [InlineData("DELETE", "api/tenants/tnt_x/contacts/con_x")]
    public async Task Every_route_answers_401_without_a_key(string method, string url)
    {
        var response = await host.AnonymousClient().SendAsync(new HttpRequestMessage(new HttpMethod(method), url));

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
    }

    [Theory]
    [InlineData("tny_not-a-real-key-at-all")]
    [InlineData("something-else")]
    public async Task A_wrong_key_is_401(string key)
    {
        var client = host.AnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);

        await (await client.GetAsync("api/tenants")).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("GET", "api/tenants")]
    [InlineData("POST", "api/tenants")]
    [InlineData("GET", "api/tenants/tnt_x")]
    [InlineData("DELETE", "api/tenants/tnt_x")]
    [InlineData("POST", "api/tenants/tnt_x/contacts")]
    public async Task An_account_without_the_MSP_plan_gets_403_saying_so(string method, string url)
    {
        var client = await host.ClientForNewAccountAsync(Plan.Standard);

        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url) { Content = Http.Json(new { }) });

        var problem = await response.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("urn:tenancy:problem:msp-plan-required", (string?)problem["type"]);
    }

    [Fact]
    public async Task Another_accounts_tenant_is_404_for_reads_and_writes()
    {
        var owner = await host.ClientForNewAccountAsync();
        var tenantId = (string)(await owner.CreateTenantAsync("Owned"))["id"]!;
        var stranger = await host.ClientForNewAccountAsync();

        await (await stranger.GetAsync($"api/tenants/{tenantId}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.PatchAsync($"api/tenants/{tenantId}", new { notes = "mine" })).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.DeleteAsync($"api/tenants/{tenantId}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.PostAsync($"api/tenants/{tenantId}/contacts", Http.Json(new { name = "Eve" }))).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Empty((await (await stranger.GetAsync("api/tenants")).ReadObjectAsync())["items"]!.AsArray());
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync($"api/tenants/{tenantId}")).StatusCode);
    }
}
