using System.Net;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Tenancy.WebConsole.Api;
using Tenancy.WebConsole.Layout;
using Tenancy.WebConsole.Session;
using Tenancy.WebConsole.Shared;

namespace Tenancy.WebConsole.Tests.Sessions;

/// <summary>
/// A tab passed from one person to the next: signing out leaves nothing of the first (key, draft, page), each sign-in
/// starts at the tenant list, and a key that expired keeps its person's draft only for that same person.
/// </summary>
public sealed class SignOutTests : ConsoleTestContext
{
    private const string Me = """{"kind":"agent","agentId":"agt_2","name":"Ada Admin","role":"administrator","accountId":"acc_1"}""";

    private ConsoleSession Session => Services.GetRequiredService<ConsoleSession>();

    private NavigationManager Nav => Services.GetRequiredService<NavigationManager>();

    private int Cleared => JSInterop.Invocations.Count(i => i.Identifier == "sessionStorage.clear");

    [Fact]
    public async Task Signing_out_empties_the_tabs_storage_and_leaves_the_page_the_person_was_on()
    {
        await Session.SignInAsync("tny_tech", new CallerResponse("agent", "agt_1", "Tess Tech", "technician", "acc_1"));
        Nav.NavigateTo("tenants/new");
        var cut = Render<MainLayout>(p => p.Add(l => l.Body, (RenderFragment)(b => b.AddContent(0, "the page"))));

        cut.FindAll("button").Single(b => b.TextContent == "Sign out").Click();

        Assert.Equal(1, Cleared);
        Assert.Equal("http://localhost/tenants", Nav.Uri);
        Assert.Null(Session.Key);
        Assert.DoesNotContain("the page", cut.Markup);
    }

    [Fact]
    public void Signing_in_starts_at_the_tenant_list_whatever_the_address_was()
    {
        Api.Answer("GET", "/api/me", HttpStatusCode.OK, Me);
        Nav.NavigateTo("agents/agt_1");
        var cut = Render<SignIn>();

        cut.Find("#api-key").Input("tny_admin");
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Equal("http://localhost/tenants", Nav.Uri));
        Assert.Equal("Ada Admin", Session.Caller?.Name);
    }

    [Fact]
    public async Task Another_person_signing_in_after_an_expiry_does_not_get_the_previous_persons_draft()
    {
        JSInterop.Setup<string?>("sessionStorage.getItem", "tenancy.person").SetResult("agent:acc_1:agt_1");

        await Session.SignInAsync("tny_admin", new CallerResponse("agent", "agt_2", "Ada Admin", "administrator", "acc_1"));

        Assert.Equal(1, Cleared);
    }

    [Fact]
    public async Task The_same_person_signing_in_again_after_an_expiry_finds_their_draft()
    {
        JSInterop.Setup<string?>("sessionStorage.getItem", "tenancy.person").SetResult("agent:acc_1:agt_2");

        await Session.SignInAsync("tny_admin", new CallerResponse("agent", "agt_2", "Ada Admin", "administrator", "acc_1"));

        Assert.Equal(0, Cleared);
    }

    [Fact]
    public async Task The_top_bar_names_the_account_rather_than_saying_account_key()
    {
        await Session.SignInAsync("tny_owner", new CallerResponse("account", null, "Fabrikam MSP", "administrator", "acc_1"));

        var cut = Render<MainLayout>(p => p.Add(l => l.Body, (RenderFragment)(b => b.AddContent(0, "the page"))));

        Assert.Equal("Fabrikam MSP", cut.Find(".caller").TextContent);
    }
}
