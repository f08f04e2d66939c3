using System.Net;
using System.Text;
using Tenancy.TestSupport;

namespace Tenancy.Api.Tests.Docs;

/// <summary>
/// Every client of the local host fixture checks each answer against the document (<see cref="ContractCheckingHandler"/>),
/// so every end-to-end test is a contract test. These show the check is not vacuous.
/// </summary>
[Collection(LocalHostCollection.Name)]
public class OpenApiContractTests(LocalHostFixture host)
{
    private const string NotFound = """{"type":"urn:tenancy:problem:not-found","title":"Not found.","status":404,"detail":"Tenant 'x' was not found.","traceId":"00-1"}""";

    [Fact]
    public void A_documented_problem_answer_conforms()
    {
        Assert.Empty(Check("GET", "/api/tenants/ten_1", 404, "application/problem+json", [], NotFound));
    }

    [Fact]
    public void A_problem_without_its_detail_is_reported()
    {
        var problems = Check("GET", "/api/tenants/ten_1", 404, "application/problem+json", [],
            """{"type":"urn:tenancy:problem:not-found","title":"Not found.","status":404}""");

        Assert.Contains(problems, p => p.Contains("detail"));
    }

    [Fact]
    public void A_status_the_operation_does_not_document_is_reported()
    {
        Assert.Contains(Check("GET", "/api/tenants/ten_1", 418, "application/problem+json", [], NotFound), p => p.Contains("does not list"));
    }

    [Fact]
    public void A_created_answer_without_its_Location_is_reported()
    {
        var problems = Check("POST", "/api/device-groups", 201, "application/json", ["Content-Type"],
            """{"id":"grp_1","name":"Laptops","tenantId":null,"deviceCount":0}""");

        Assert.Contains(problems, p => p.Contains("Location"));
    }

    [Fact]
    public void A_literal_path_wins_over_a_parameter()
    {
        var problems = Check("GET", "/api/tenant-imports/template", 200, "application/json", [], "{}");

        Assert.Contains(problems, p => p.Contains("/api/tenant-imports/template"));
    }

    [Fact]
    public async Task A_client_of_the_fixture_fails_on_an_answer_that_breaks_the_contract()
    {
        var client = await host.ClientForNewAccountAsync();

        // Answers conform, so the client sees them; a broken one would throw here instead of reaching the test.
        var response = await client.GetAsync("api/tenants/ten_missing");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private IReadOnlyList<string> Check(string method, string path, int status, string mediaType, string[] headers, string body) =>
        host.Contract.Check(method, path, status, mediaType, headers, Encoding.UTF8.GetBytes(body));
}
