using System.Net;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Tenancy.WebConsole.Api;
using Tenancy.WebConsole.Session;

namespace Tenancy.WebConsole.Tests.Access;

/// <summary>
/// R10 by address: a technician who opens an administrator's page gets one "not available to your role" page, with
/// no form to fill in and nothing asked of the API; an administrator gets the page.
/// </summary>
public sealed class PageForAnotherRoleTests : ConsoleTestContext
{
    private static readonly CallerResponse Technician = new("agent", "agt_t", "Tess Tech", "technician", "acc_1");

    public PageForAnotherRoleTests()
    {
        Api.Answer("GET", "/api/agents?pageSize=200", HttpStatusCode.OK, """{"items":[],"continuationToken":null}""");
        Api.Answer("GET", "/api/agent-groups?pageSize=200", HttpStatusCode.OK, """{"items":[],"continuationToken":null}""");
        Api.Answer("GET", "/api/device-groups?pageSize=200", HttpStatusCode.OK, """{"items":[],"continuationToken":null}""");
    }

    private IRenderedComponent<App> Open(string address, CallerResponse caller)
    {
        Services.GetRequiredService<ConsoleSession>().SignInAsync("tny_key", caller).GetAwaiter().GetResult();
        Services.GetRequiredService<NavigationManager>().NavigateTo(address);
        return Render<App>();
    }

    [Theory]
    [InlineData("agents")]
    [InlineData("agents/agt_1")]
    [InlineData("imports")]
    [InlineData("routing")]
    [InlineData("tenants/new")]
    public void A_technician_gets_one_clear_page_and_no_form(string address)
    {
        var cut = Open(address, Technician);

        Assert.Equal("Not available to your role", cut.Find("h1").TextContent);
        Assert.Contains("your role (Technician)", cut.Find("[data-testid=not-for-your-role]").TextContent);
        Assert.Empty(cut.FindAll("main form, main input, main select, main textarea"));
        Assert.Empty(Api.Requests);
    }

    [Fact]
    public void An_administrator_gets_the_page()
    {
        var cut = Open("agents", new CallerResponse("agent", "agt_a", "Ada", "administrator", "acc_1"));

        cut.WaitForAssertion(() => Assert.Equal("Agents", cut.Find("h1").TextContent));
        Assert.NotEmpty(cut.FindAll("main form"));
    }

    [Fact]
    public void A_technician_still_reads_the_tenant_list()
    {
        Api.Answer("GET", "/api/tenants?pageSize=50", HttpStatusCode.OK, """{"items":[],"continuationToken":null}""");

        var cut = Open("tenants", Technician);

        cut.WaitForAssertion(() => Assert.Equal("Tenants", cut.Find("h1").TextContent));
    }
}
