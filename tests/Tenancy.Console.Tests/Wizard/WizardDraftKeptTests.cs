using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Tenancy.WebConsole.Api;
using Tenancy.WebConsole.Session;
using Tenancy.WebConsole.Tenants.Wizard;

namespace Tenancy.WebConsole.Tests.Wizard;

/// <summary>A reload of the page in the middle of the wizard keeps what was typed, on the same step.</summary>
public sealed class WizardDraftKeptTests : ConsoleTestContext
{
    public WizardDraftKeptTests()
    {
        Api.Answer("GET", "/api/device-groups?pageSize=200", HttpStatusCode.OK, """{"items":[],"continuationToken":null}""");
        Services.GetRequiredService<ConsoleSession>().SignInAsync("tny_key", CallerResponse.Account).GetAwaiter().GetResult();
    }

    [Fact]
    public void The_wizard_comes_back_with_the_saved_draft_on_its_step()
    {
        var draft = new WizardDraft { Name = "Contoso" };
        draft.Contacts[0].Name = "Ann";
        var bob = draft.AddContact();
        bob.Name = "Bob";
        draft.MakePrimary(bob);
        draft.AddDomains("contoso.com");
        JSInterop.Setup<string?>("sessionStorage.getItem", WizardSnapshot.StorageName)
            .SetResult(JsonSerializer.Serialize(WizardSnapshot.Of(draft, WizardStep.Domains), ConsoleJson.Options));

        var cut = Render<TenantWizard>();

        Assert.Equal("Domains", cut.Find("#step-title").TextContent);
        Assert.Equal("contoso.com", cut.Find("ul.chips li span").TextContent);
        cut.Find("#wizard-back").Click();
        cut.Find("#wizard-back").Click();
        Assert.Equal("Contoso", cut.Find("#tenant-name").GetAttribute("value"));
        Assert.Equal([false, true], cut.FindAll("input[name=primary-contact]").Select(r => r.HasAttribute("checked")));
    }

    [Fact]
    public void What_is_typed_is_saved_for_the_session()
    {
        var cut = Render<TenantWizard>();

        cut.Find("#tenant-name").Input("Fabrikam");
        cut.Find("#wizard-next").Click();

        cut.WaitForAssertion(() => Assert.Contains(JSInterop.Invocations["sessionStorage.setItem"],
            i => (string?)i.Arguments[0] == WizardSnapshot.StorageName && ((string?)i.Arguments[1] ?? "").Contains("\"name\":\"Fabrikam\"")));
    }
}
