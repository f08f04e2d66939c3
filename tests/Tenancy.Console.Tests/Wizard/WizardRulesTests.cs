using System.Net;
using Tenancy.WebConsole.Tenants.Wizard;

namespace Tenancy.WebConsole.Tests.Wizard;

/// <summary>The wizard's first step as a person meets it: required fields and exactly one primary contact (R2).</summary>
public sealed class WizardRulesTests : ConsoleTestContext
{
    public WizardRulesTests() => Api.Answer("GET", "/api/device-groups?pageSize=200", HttpStatusCode.OK, """{"items":[],"continuationToken":null}""");

    [Fact]
    public void Next_without_a_name_shows_the_message_at_the_name_field_and_stays_on_the_step()
    {
        var cut = Render<TenantWizard>();
        cut.Find("#c-name-" + FirstContactKey(cut)).Input("Ann Lee");

        cut.FindAll("button").Single(b => b.TextContent == "Next").Click();

        Assert.Equal("Enter the tenant's name.", cut.Find("#err-name").TextContent.Trim());
        Assert.Equal("true", cut.Find("#tenant-name").GetAttribute("aria-invalid"));
        Assert.Equal("General information", cut.Find("#step-title").TextContent);
    }

    [Fact]
    public void Next_without_a_contact_name_shows_the_message_at_that_contact()
    {
        var cut = Render<TenantWizard>();
        cut.Find("#tenant-name").Input("Contoso");

        cut.FindAll("button").Single(b => b.TextContent == "Next").Click();

        Assert.Equal("Enter the contact's name.", cut.Find("#err-contacts-0-name").TextContent.Trim());
        Assert.Equal("General information", cut.Find("#step-title").TextContent);
    }

    [Fact]
    public void Filled_general_information_moves_on_to_the_device_groups()
    {
        var cut = Render<TenantWizard>();
        cut.Find("#tenant-name").Input("Contoso");
        cut.Find("#c-name-" + FirstContactKey(cut)).Input("Ann Lee");

        cut.FindAll("button").Single(b => b.TextContent == "Next").Click();

        Assert.Equal("Assign device groups", cut.Find("#step-title").TextContent);
    }

    [Fact]
    public void Making_another_contact_primary_leaves_exactly_one_primary()
    {
        var cut = Render<TenantWizard>();
        cut.FindAll("button").Single(b => b.TextContent == "Add new contact").Click();

        cut.FindAll("input[name=primary-contact]")[1].Change(true);

        var radios = cut.FindAll("input[name=primary-contact]");
        Assert.Equal([false, true], radios.Select(r => r.HasAttribute("checked")));
        Assert.Single(cut.FindAll("legend"), l => l.TextContent.EndsWith("Primary contact"));
    }

    [Fact]
    public void Removing_the_primary_contact_makes_the_remaining_one_primary()
    {
        var draft = new WizardDraft();
        var second = draft.AddContact();
        draft.MakePrimary(second);

        draft.RemoveContact(second);

        Assert.True(draft.IsPrimary(draft.Contacts.Single()));
    }

    [Fact]
    public void The_last_contact_cannot_be_removed()
    {
        var draft = new WizardDraft();

        Assert.False(draft.RemoveContact(draft.Contacts[0]));
        Assert.Single(draft.Contacts);
    }

    [Fact]
    public void The_create_call_marks_exactly_the_chosen_contact_primary()
    {
        var draft = new WizardDraft { Name = "Contoso" };
        draft.Contacts[0].Name = "Ann";
        var bob = draft.AddContact();
        bob.Name = "Bob";
        draft.MakePrimary(bob);

        var body = draft.ToBody();

        Assert.Equal([false, true], body.Contacts!.Select(c => c.IsPrimary == true));
    }

    private static string FirstContactKey(IRenderedComponent<TenantWizard> cut) =>
        cut.Find("input[id^=c-name-]").Id!["c-name-".Length..];
}
