using System.Net;
using System.Net.Http.Headers;
using Tenancy.TestSupport;

namespace Tenancy.Api.Tests.Paths;

/// <summary>A path no route serves, or a method a route does not take, gets the API's own problem types, saying what was asked.</summary>
[Collection(LocalHostCollection.Name)]
public class UnmatchedRequestTests(LocalHostFixture host)
{
    private async Task<HttpClient> PlainClientAsync()
    {
        var key = (await host.ClientForNewAccountAsync()).DefaultRequestHeaders.Authorization!.Parameter;
        var client = new HttpClient { BaseAddress = host.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    [Fact]
    public async Task An_unknown_api_path_is_a_not_found_problem_naming_the_request()
    {
        using var client = await PlainClientAsync();

        var problem = await (await client.GetAsync("api/tenantz")).AssertProblemAsync(HttpStatusCode.NotFound);

        Assert.Equal("urn:tenancy:problem:not-found", (string?)problem["type"]);
        Assert.Contains("GET /api/tenantz", (string?)problem["detail"]);
    }

    [Fact]
    public async Task A_method_a_route_does_not_take_is_a_method_not_allowed_problem_naming_the_allowed_ones()
    {
        using var client = await PlainClientAsync();

        var response = await client.PutAsync("api/tenants", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));

        var problem = await response.AssertProblemAsync(HttpStatusCode.MethodNotAllowed);
        Assert.Equal("urn:tenancy:problem:method-not-allowed", (string?)problem["type"]);
        Assert.Contains("PUT /api/tenants", (string?)problem["detail"]);
        Assert.Contains("POST", (string?)problem["detail"]);
    }
}
