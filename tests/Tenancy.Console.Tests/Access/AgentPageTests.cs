using System.Net;
using Tenancy.WebConsole.Pages;

namespace Tenancy.WebConsole.Tests.Access;

/// <summary>R10 on an agent's page: a change sends only what changed; a new key and a deletion are confirmed first.</summary>
public sealed class AgentPageTests : ConsoleTestContext
{
    private const string Agent = """{"id":"agt_1","name":"Tess Tech","email":"tess@msp.example","role":"technician","createdAt":"2026-01-01T00:00:00Z"}""";

    public AgentPageTests()
    {
        Api.Answer("GET", "/api/agents/agt_1", HttpStatusCode.OK, Agent);
        Api.Answer("GET", "/api/agent-groups?pageSize=200", HttpStatusCode.OK, """{"items":[],"continuationToken":null}""");
        Api.Answer("GET", "/api/tenants?pageSize=200", HttpStatusCode.OK, """{"items":[],"continuationToken":null}""");
        Api.Answer("GET", "/api/device-groups?pageSize=200", HttpStatusCode.OK, """{"items":[],"continuationToken":null}""");
        Api.Answer("GET", "/api/access-grants?agentId=agt_1", HttpStatusCode.OK, """{"items":[],"continuationToken":null}""");
        Api.Answer("GET", "/api/agents/agt_1/access", HttpStatusCode.OK, """{"allTenants":false,"tenants":[],"deviceGroups":[]}""");
    }

    private IRenderedComponent<AgentPage> RenderPage()
    {
        var cut = Render<AgentPage>(p => p.Add(a => a.AgentId, "agt_1"));
        cut.WaitForElement("[data-testid=effective-access]");
        return cut;
    }

    [Fact]
    public void Changing_the_role_sends_only_the_role()
    {
        Api.Answer("PATCH", "/api/agents/agt_1", HttpStatusCode.OK, Agent.Replace("technician", "administrator"));
        var cut = RenderPage();

        cut.Find("#edit-agent-role").Change("administrator");
        cut.Find("#edit-agent-submit").Click();

        cut.WaitForAssertion(() => Assert.Equal("Tess Tech saved.", cut.Find(".status").TextContent));
        var (_, body) = Assert.Single(Api.Requests, r => r.Route == "PATCH /api/agents/agt_1");
        Assert.Equal("""{"role":"administrator"}""", body);
    }

    [Fact]
    public void A_new_key_is_asked_for_then_shown_once()
    {
        Api.Answer("POST", "/api/agents/agt_1/api-key", HttpStatusCode.OK, """{"apiKey":"tny_rotated_key"}""");
        var cut = RenderPage();

        cut.Find("#rotate-key").Click();
        Assert.DoesNotContain(Api.Requests, r => r.Route == "POST /api/agents/agt_1/api-key");
        cut.Find("#agent-confirm").Click();

        cut.WaitForAssertion(() => Assert.Equal("tny_rotated_key", cut.Find("#new-key-value").GetAttribute("value")));
        cut.Find("#key-done").Click();
        Assert.DoesNotContain("tny_rotated_key", cut.Markup);
    }

    [Fact]
    public void Cancelling_the_deletion_deletes_nothing()
    {
        var cut = RenderPage();

        cut.Find("#delete-agent").Click();
        cut.FindAll("[role=alertdialog] button").Single(b => b.TextContent == "Cancel").Click();

        Assert.Empty(cut.FindAll("#agent-confirm"));
        Assert.DoesNotContain(Api.Requests, r => r.Route.StartsWith("DELETE", StringComparison.Ordinal));
    }
}
