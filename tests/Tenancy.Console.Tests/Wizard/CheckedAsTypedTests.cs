using System.Net;
using Tenancy.WebConsole.Tenants.Wizard;

namespace Tenancy.WebConsole.Tests.Wizard;

/// <summary>
/// The wizard checks a field where it is typed, with the API's own rules, and a message goes as soon as it no longer
/// holds: a fixed name loses its error, a country code without "+" is refused on the first step, the domain box takes
/// a whole entry, notes show a counter and are refused past the limit.
/// </summary>
public sealed class CheckedAsTypedTests : ConsoleTestContext
{
    public CheckedAsTypedTests() =>
        Api.Answer("GET", "/api/device-groups?pageSize=200", HttpStatusCode.OK, """{"items":[],"continuationToken":null}""");

    private static string FirstContactKey(IRenderedComponent<TenantWizard> cut) => cut.Find("input[id^=c-name-]").Id!["c-name-".Length..];

    private static void Next(IRenderedComponent<TenantWizard> cut) => cut.Find("#wizard-next").Click();

    [Fact]
    public void A_name_typed_after_the_error_clears_it_at_once()
    {
        var cut = Render<TenantWizard>();
        Next(cut);
        Assert.Equal("Enter the tenant's name.", cut.Find("#err-name").TextContent.Trim());

        cut.Find("#tenant-name").Input("Contoso");

        Assert.Empty(cut.FindAll("#err-name"));
        Assert.Null(cut.Find("#tenant-name").GetAttribute("aria-invalid"));
    }

    [Fact]
    public void A_country_code_without_plus_is_refused_as_typed_and_at_step_one()
    {
        var cut = Render<TenantWizard>();
        var key = FirstContactKey(cut);
        cut.Find("#tenant-name").Input("Contoso");
        cut.Find($"#c-name-{key}").Input("Ann Lee");

        cut.Find($"#c-cc-{key}").Input("33");

        Assert.Contains("'+' followed by 1 to 3 digits", cut.Find("#err-contacts-0-countryCode").TextContent);
        Next(cut);
        Assert.Equal("General information", cut.Find("#step-title").TextContent);
        cut.Find($"#c-cc-{key}").Input("+33");
        Assert.Empty(cut.FindAll("#err-contacts-0-countryCode"));
    }

    [Fact]
    public void A_blank_required_field_is_not_reported_before_the_person_tries_to_go_on()
    {
        var cut = Render<TenantWizard>();

        cut.Find("#tenant-name").Input("");

        Assert.Empty(cut.FindAll(".field-error"));
    }

    [Fact]
    public void Notes_show_a_counter_and_are_refused_past_500_characters_not_cut()
    {
        var cut = Render<TenantWizard>();
        cut.Find("#tenant-name").Input("Contoso");
        cut.Find("#c-name-" + FirstContactKey(cut)).Input("Ann Lee");

        cut.Find("#tenant-notes").Input(new string('n', 501));

        Assert.Equal("501 / 500 characters", cut.Find("[data-testid=tenant-notes-count]").TextContent);
        Assert.Contains("at most 500 characters", cut.Find("#err-notes").TextContent);
        Assert.Null(cut.Find("#tenant-notes").GetAttribute("maxlength"));
        Next(cut);
        Assert.Equal("General information", cut.Find("#step-title").TextContent);
        cut.Find("#tenant-notes").Input(new string('n', 500));
        Assert.Empty(cut.FindAll("#err-notes"));
    }

    [Fact]
    public void The_domain_box_takes_a_whole_entry_and_refuses_it_when_added()
    {
        var draft = new WizardDraft();
        var cut = Render<DomainsStep>(p => p.Add(s => s.Draft, draft));

        cut.Find("#domain-input").Input("not a domain");
        cut.Find("form").Submit();

        Assert.Empty(draft.Domains);
        Assert.Contains("'not a domain' must not contain spaces", cut.Find("#err-domains").TextContent);
        Assert.Equal("not a domain", cut.Find("#domain-input").GetAttribute("value"));
        cut.Find("#domain-input").Input("contoso.com");
        Assert.Empty(cut.FindAll("#err-domains"));
        cut.Find("form").Submit();
        Assert.Equal(["contoso.com"], draft.Domains);
    }

    [Fact]
    public void A_list_of_domains_is_still_taken_at_once()
    {
        var draft = new WizardDraft();
        var cut = Render<DomainsStep>(p => p.Add(s => s.Draft, draft));

        cut.Find("#domain-input").Input("contoso.com, contoso.fr");
        cut.Find("form").Submit();

        Assert.Equal(["contoso.com", "contoso.fr"], draft.Domains);
    }

    [Fact]
    public void Removing_a_domain_the_API_refused_removes_its_message()
    {
        Api.Answer("POST", "/api/tenants", HttpStatusCode.BadRequest,
            """{"type":"urn:tenancy:problem:validation","title":"Invalid.","status":400,"errors":{"domains[1]":["'localhost.invalid' is not allowed."]}}""",
            "application/problem+json");
        var cut = Render<TenantWizard>();
        cut.Find("#tenant-name").Input("Contoso");
        cut.Find("#c-name-" + FirstContactKey(cut)).Input("Ann Lee");
        Next(cut);
        cut.WaitForElement("#wizard-next").Click();
        cut.Find("#domain-input").Input("contoso.com, localhost.invalid");
        cut.Find("form").Submit();
        Next(cut);
        cut.Find("#wizard-create").Click();
        cut.WaitForAssertion(() => Assert.Contains("localhost.invalid: 'localhost.invalid' is not allowed.", cut.Find("#err-domains").TextContent));

        cut.Find("button[aria-label='Remove localhost.invalid']").Click();

        Assert.Empty(cut.FindAll("#err-domains"));
    }
}
