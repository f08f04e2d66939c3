using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Tenancy.Http.Contracts;
using Tenancy.WebConsole.Api;
using Tenancy.WebConsole.Tenants.Details;

namespace Tenancy.WebConsole.Tests.Access;

/// <summary>
/// R10 with R4: picking a group of another tenant asks the API for a preview and names, before the person confirms,
/// the agents who would lose and gain access; nothing is moved by the preview.
/// </summary>
public sealed class MovePreviewTests : ConsoleTestContext
{
    private static readonly TenantResponse Contoso = new("ten_c", "Contoso", null, [], [], [], new OriginResponse("console", null),
        DateTimeOffset.Parse("2026-01-01T00:00:00Z"), DateTimeOffset.Parse("2026-01-01T00:00:00Z"));

    public MovePreviewTests()
    {
        Api.Answer("GET", "/api/device-groups?pageSize=200", HttpStatusCode.OK,
            """{"items":[{"id":"grp_a","name":"Paris office","tenantId":"ten_f","deviceCount":12}],"continuationToken":null}""");
        Api.Answer("GET", "/api/tenants/ten_f", HttpStatusCode.OK,
            """{"id":"ten_f","name":"Fabrikam","notes":null,"contacts":[],"deviceGroups":[],"domains":[],"origin":{"kind":"console","importId":null},"createdAt":"2026-01-01T00:00:00Z","updatedAt":"2026-01-01T00:00:00Z"}""");
    }

    private IRenderedComponent<AssignGroupsPanel> SignedInPanel()
    {
        Services.GetRequiredService<Session.ConsoleSession>().SignInAsync("tny_key", CallerResponse.Account).GetAwaiter().GetResult();
        return Render<AssignGroupsPanel>(p => p.Add(s => s.Tenant, Contoso));
    }

    [Fact]
    public void The_notice_names_who_would_lose_and_who_would_gain_access()
    {
        Api.Answer("POST", "/api/tenants/ten_c/device-groups/assign", HttpStatusCode.OK,
            """{"conflicts":[{"groupId":"grp_a","tenantId":"ten_f","tenantName":"Fabrikam"}],"access":{"losing":[{"agentId":"agt_1","name":"Fay Fabrikam-Tech","groupIds":["grp_a"]}],"gaining":[{"agentId":"agt_2","name":"Carl Contoso-Tech","groupIds":["grp_a"]}]}}""");
        var cut = SignedInPanel();

        cut.WaitForElement("#ag-grp_a").Change(true);

        cut.WaitForAssertion(() => Assert.Equal("Fay Fabrikam-Tech", cut.Find("[data-testid=losing] li").TextContent));
        Assert.Equal("Carl Contoso-Tech", cut.Find("[data-testid=gaining] li").TextContent);
        var (_, body) = Assert.Single(Api.Requests, r => r.Route == "POST /api/tenants/ten_c/device-groups/assign");
        Assert.Contains("\"preview\":true", body);
        Assert.DoesNotContain("confirmReassign", body);
    }

    [Fact]
    public void A_move_that_changes_nobodys_access_says_so()
    {
        Api.Answer("POST", "/api/tenants/ten_c/device-groups/assign", HttpStatusCode.OK,
            """{"conflicts":[{"groupId":"grp_a","tenantId":"ten_f","tenantName":"Fabrikam"}],"access":{"losing":[],"gaining":[]}}""");
        var cut = SignedInPanel();

        cut.WaitForElement("#ag-grp_a").Change(true);

        cut.WaitForAssertion(() => Assert.Contains("No agent's access changes", cut.Find("[data-testid=move-preview]").TextContent));
        Assert.Empty(cut.FindAll("[data-testid=losing]"));
    }

    [Fact]
    public void A_refused_preview_shows_the_problem()
    {
        Api.Answer("POST", "/api/tenants/ten_c/device-groups/assign", HttpStatusCode.Forbidden,
            """{"type":"urn:tenancy:problem:signature-required","title":"Sign this request.","status":403,"detail":"This operation needs a signed request."}""",
            "application/problem+json");
        var cut = SignedInPanel();

        cut.WaitForElement("#ag-grp_a").Change(true);

        cut.WaitForAssertion(() => Assert.Equal("This operation needs a signed request.", cut.Find("[role=alert]").TextContent));
        Assert.Empty(cut.FindAll("[data-testid=move-preview]"));
    }
}
