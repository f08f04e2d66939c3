using System.Globalization;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Tenancy.WebConsole.Access;
using Tenancy.WebConsole.Pages;

namespace Tenancy.WebConsole.Tests.Access;

/// <summary>"As of" asks the API for the access at that moment (in UTC); the audit log pages on with its continuation token.</summary>
public sealed class AsOfAndAuditPagingTests : ConsoleTestContext
{
    private const string NoAccess = """{"allTenants":false,"tenants":[],"deviceGroups":[]}""";

    [Fact]
    public void As_of_a_local_moment_asks_for_the_access_at_that_moment_in_utc()
    {
        var local = new DateTime(2026, 3, 2, 9, 15, 4, DateTimeKind.Local);
        var utc = TimeZoneInfo.ConvertTimeToUtc(local).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        Api.Answer("GET", "/api/agents/agt_1/access", HttpStatusCode.OK, NoAccess);
        Api.Answer("GET", $"/api/agents/agt_1/access?at={Uri.EscapeDataString(utc)}", HttpStatusCode.OK,
            """{"allTenants":false,"tenants":[{"id":"ten_c","name":"Contoso","via":[{"grantId":"gr_1","scope":"tenant"}]}],"deviceGroups":[]}""");
        var cut = Render<EffectiveAccessPanel>(p => p.Add(e => e.AgentId, "agt_1").Add(e => e.Targets, Services.GetRequiredService<AccessTargets>()));
        cut.WaitForElement("[data-testid=effective-access]");

        cut.Find("#access-at").Change("2026-03-02T09:15:04");
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Contains("Contoso", cut.Find("[data-testid=effective-access]").TextContent));
        Assert.Contains("Tenant (given to the agent)", cut.Markup);
    }

    [Fact]
    public void Load_more_adds_the_next_page_after_the_first()
    {
        Api.Answer("GET", "/api/agents?pageSize=200", HttpStatusCode.OK, """{"items":[],"continuationToken":null}""");
        Api.Answer("GET", "/api/audit?pageSize=50", HttpStatusCode.OK, $$"""{"items":[{{Entry("au_2", "Second")}}],"continuationToken":"tok_1"}""");
        Api.Answer("GET", "/api/audit?pageSize=50&continuationToken=tok_1", HttpStatusCode.OK, $$"""{"items":[{{Entry("au_1", "First")}}],"continuationToken":null}""");
        var cut = Render<AuditPage>();

        cut.WaitForElement("#audit-more").Click();

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=audit] tbody tr").Count));
        Assert.Contains("Second", cut.FindAll("[data-testid=audit] tbody tr")[0].TextContent);
        Assert.Contains("First", cut.FindAll("[data-testid=audit] tbody tr")[1].TextContent);
        Assert.Empty(cut.FindAll("#audit-more"));
    }

    [Fact]
    public void A_range_that_ends_before_it_starts_is_not_sent()
    {
        Api.Answer("GET", "/api/agents?pageSize=200", HttpStatusCode.OK, """{"items":[],"continuationToken":null}""");
        Api.Answer("GET", "/api/audit?pageSize=50", HttpStatusCode.OK, """{"items":[],"continuationToken":null}""");
        var cut = Render<AuditPage>();
        cut.WaitForElement("#audit-from").Change("2026-03-02T10:00:00");
        cut.Find("#audit-to").Change("2026-03-02T09:00:00");

        cut.Find("#audit-apply").Click();

        Assert.Equal("The end must come after the start.", cut.Find("#err-audit-to").TextContent.Trim());
        Assert.DoesNotContain(Api.Requests, r => r.Route.Contains("from=", StringComparison.Ordinal));
    }

    private static string Entry(string id, string name) =>
        $$$"""{"id":"{{{id}}}","at":"2026-03-02T09:00:00Z","actor":{"kind":"account","id":"acc_1","name":"Owner"},"action":"tenant.created","targetType":"tenant","targetId":"ten_{{{id}}}","after":{"name":"{{{name}}}"}}""";
}
