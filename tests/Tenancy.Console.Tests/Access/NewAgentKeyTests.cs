using System.Net;
using Tenancy.WebConsole.Pages;

namespace Tenancy.WebConsole.Tests.Access;

/// <summary>R10: a new agent's API key is shown once, with a warning and a copy button, and is gone once dismissed.</summary>
public sealed class NewAgentKeyTests : ConsoleTestContext
{
    private const string Key = "tny_agent_secret_0123456789";

    public NewAgentKeyTests()
    {
        Api.Answer("GET", "/api/agents?pageSize=200", HttpStatusCode.OK, """{"items":[],"continuationToken":null}""");
        Api.Answer("GET", "/api/agent-groups?pageSize=200", HttpStatusCode.OK, """{"items":[],"continuationToken":null}""");
        Api.Answer("POST", "/api/agents", HttpStatusCode.Created,
            $$"""{"id":"agt_1","name":"Tess Tech","email":"tess@msp.example","role":"technician","createdAt":"2026-01-01T00:00:00Z","apiKey":"{{Key}}"}""");
    }

    [Fact]
    public void Creating_an_agent_shows_its_key_once_with_a_warning_and_a_copy_button()
    {
        var cut = Render<AgentsPage>();
        cut.WaitForElement("#new-agent-name").Input("Tess Tech");
        cut.Find("#new-agent-email").Input("tess@msp.example");

        cut.Find("#new-agent-submit").Click();

        var notice = cut.WaitForElement("[data-testid=new-key]");
        Assert.Equal(Key, notice.QuerySelector("#new-key-value")!.GetAttribute("value"));
        Assert.Contains("shown only once", notice.TextContent);
        Assert.NotNull(notice.QuerySelector("#copy-key"));
        Assert.Contains(Api.Requests, r => r.Route == "POST /api/agents" && r.Body!.Contains("\"role\":\"technician\""));
    }

    [Fact]
    public void Once_dismissed_the_key_is_nowhere_on_the_page()
    {
        var cut = Render<AgentsPage>();
        cut.WaitForElement("#new-agent-name").Input("Tess Tech");
        cut.Find("#new-agent-email").Input("tess@msp.example");
        cut.Find("#new-agent-submit").Click();
        cut.WaitForElement("#key-done");

        cut.Find("#key-done").Click();

        Assert.Empty(cut.FindAll("[data-testid=new-key]"));
        Assert.DoesNotContain(Key, cut.Markup);
    }

    [Fact]
    public void An_agent_without_name_or_email_is_not_sent()
    {
        var cut = Render<AgentsPage>();
        cut.WaitForElement("#new-agent-submit").Click();

        Assert.Equal("Enter the agent's name.", cut.Find("#err-new-agent-name").TextContent.Trim());
        Assert.Equal("Enter the agent's email address.", cut.Find("#err-new-agent-email").TextContent.Trim());
        Assert.DoesNotContain(Api.Requests, r => r.Route == "POST /api/agents");
    }

    [Fact]
    public void A_refusal_of_the_api_is_shown_in_the_problem_notice_and_no_key_appears()
    {
        Api.Answer("POST", "/api/agents", HttpStatusCode.Forbidden,
            """{"type":"urn:tenancy:problem:signature-required","title":"Sign this request.","status":403,"detail":"This operation needs a signed request."}""",
            "application/problem+json");
        var cut = Render<AgentsPage>();
        cut.WaitForElement("#new-agent-name").Input("Tess Tech");
        cut.Find("#new-agent-email").Input("tess@msp.example");

        cut.Find("#new-agent-submit").Click();

        cut.WaitForAssertion(() => Assert.Equal("This operation needs a signed request.", cut.Find(".agent-form [role=alert]").TextContent));
        Assert.Empty(cut.FindAll("[data-testid=new-key]"));
    }
}
