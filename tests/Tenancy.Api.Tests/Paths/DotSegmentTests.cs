using System.Net;
using Tenancy.TestSupport;

namespace Tenancy.Api.Tests.Paths;

/// <summary>Dot segments must not walk a route up to its parent (…/domains/%2E%2E is not the tenant).</summary>
[Collection(LocalHostCollection.Name)]
public class DotSegmentTests(LocalHostFixture host)
{
    [Theory]
    [InlineData("DELETE", "domains/%2E%2E")]
    [InlineData("DELETE", "domains/%2e%2e")]
    [InlineData("DELETE", "contacts/%2e%2e")]
    [InlineData("PATCH", "contacts/%2E%2E")]
    [InlineData("DELETE", "contacts/%2E")]
    [InlineData("DELETE", "domains/.%2E")]
    public async Task A_dot_segment_is_refused_and_the_tenant_is_untouched(string method, string tail)
    {
        var client = await host.ClientForNewAccountAsync();
        var tenant = (string)(await client.CreateTenantAsync("Dotted"))["id"]!;

        var response = await RawRequest.SendAsync(client, method, $"/api/tenants/{tenant}/{tail}", method == "PATCH" ? """{"name":"Renamed"}""" : null);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal("urn:tenancy:problem:bad-path", (string?)problem["type"]);
        var after = await (await client.GetAsync($"api/tenants/{tenant}")).ReadObjectAsync();
        Assert.Equal("Dotted", (string?)after["name"]);
    }

    [Theory]
    [InlineData("api/tenants/ten%20x")]
    [InlineData("api/tenants/ten_%C3%A9")]
    [InlineData("api/tenant-imports/imp_a%2Fb")]
    public async Task An_id_without_the_shape_of_ours_is_not_found_with_the_reason(string url)
    {
        var client = await host.ClientForNewAccountAsync();

        var problem = await (await client.GetAsync(url)).AssertProblemAsync(HttpStatusCode.NotFound);

        Assert.Contains("not an id this service issues", (string?)problem["detail"]);
    }

    [Theory]
    [InlineData("DELETE", "contacts/con%2F..%2F..")]
    [InlineData("PATCH", "contacts/con_1%5C..")]
    public async Task A_contact_id_without_our_shape_changes_nothing(string method, string tail)
    {
        var client = await host.ClientForNewAccountAsync();
        var tenant = (string)(await client.CreateTenantAsync("Shaped"))["id"]!;

        var response = await RawRequest.SendAsync(client, method, $"/api/tenants/{tenant}/{tail}", method == "PATCH" ? """{"name":"Renamed"}""" : null);

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
        var after = await (await client.GetAsync($"api/tenants/{tenant}")).ReadObjectAsync();
        Assert.Equal("Ann Lee", (string?)after["contacts"]![0]!["name"]);
    }
}
