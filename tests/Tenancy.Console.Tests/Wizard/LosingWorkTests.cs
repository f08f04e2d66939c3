using System.Net;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Tenancy.WebConsole.Tenants.Wizard;

namespace Tenancy.WebConsole.Tests.Wizard;

/// <summary>
/// Nothing typed is lost by accident: cancelling a filled form asks first (and names the device groups created on the
/// way, which stay); the reassign notice's own answer is not a second "Cancel"; it closes with Escape, and the wizard
/// does not go on while it is open.
/// </summary>
public sealed class LosingWorkTests : ConsoleTestContext
{
    public LosingWorkTests()
    {
        Api.Answer("GET", "/api/device-groups?pageSize=200", HttpStatusCode.OK,
            """{"items":[{"id":"grp_a","name":"Paris office","tenantId":"ten_f","deviceCount":12}],"continuationToken":null}""");
        Api.Answer("GET", "/api/tenants/ten_f", HttpStatusCode.OK,
            """{"id":"ten_f","name":"Fabrikam","notes":null,"contacts":[],"deviceGroups":[],"domains":[],"origin":{"kind":"console","importId":null},"createdAt":"2026-01-01T00:00:00Z","updatedAt":"2026-01-01T00:00:00Z"}""");
    }

    private NavigationManager Nav => Services.GetRequiredService<NavigationManager>();

    private IRenderedComponent<TenantWizard> OnGroupsStep()
    {
        var cut = Render<TenantWizard>();
        cut.Find("#tenant-name").Input("Contoso");
        cut.Find("input[id^=c-name-]").Input("Ann Lee");
        cut.Find("#wizard-next").Click();
        cut.WaitForElement("#g-grp_a");
        return cut;
    }

    [Fact]
    public void Cancelling_a_filled_form_asks_first_and_keeping_it_keeps_everything()
    {
        Nav.NavigateTo("tenants/new");
        var cut = Render<TenantWizard>();
        cut.Find("#tenant-name").Input("Contoso");

        cut.Find("#wizard-cancel").Click();

        Assert.NotNull(cut.Find("[data-testid=discard-draft]"));
        Assert.Equal("http://localhost/tenants/new", Nav.Uri);
        cut.Find("#discard-keep").Click();
        Assert.Empty(cut.FindAll("[data-testid=discard-draft]"));
        Assert.Equal("Contoso", cut.Find("#tenant-name").GetAttribute("value"));
    }

    [Fact]
    public void Discarding_says_which_created_groups_stay_then_leaves()
    {
        Api.Answer("POST", "/api/device-groups", HttpStatusCode.Created, """{"id":"grp_n","name":"Lyon kiosks","tenantId":null,"deviceCount":0}""");
        var cut = OnGroupsStep();
        cut.Find("#new-group-name").Input("Lyon kiosks");
        cut.Find("#new-group-name").Closest("form")!.Submit();
        cut.WaitForAssertion(() => Assert.Equal("1 group(s) selected", cut.Find("#selected-count").TextContent));

        cut.Find("#wizard-cancel").Click();

        Assert.Contains("stay, unassigned, under Device groups: Lyon kiosks.", cut.Find("[data-testid=discard-draft]").TextContent);
        cut.Find("#discard-confirm").Click();
        Assert.Equal("http://localhost/tenants", Nav.Uri);
    }

    [Fact]
    public void An_empty_form_is_left_without_a_question()
    {
        var cut = Render<TenantWizard>();

        cut.Find("#wizard-cancel").Click();

        Assert.Empty(cut.FindAll("[data-testid=discard-draft]"));
        Assert.Equal("http://localhost/tenants", Nav.Uri);
    }

    [Fact]
    public void While_the_reassign_notice_is_open_the_box_is_not_ticked_and_next_is_disabled()
    {
        var cut = OnGroupsStep();

        cut.Find("#g-grp_a").Change(true);

        Assert.False(cut.Find("#g-grp_a").HasAttribute("checked"));
        Assert.Equal("0 group(s) selected", cut.Find("#selected-count").TextContent);
        Assert.True(cut.Find("#wizard-next").HasAttribute("disabled"));
        Assert.DoesNotContain(cut.FindAll("[data-testid=reassign-notice] button"), b => b.TextContent == "Cancel");
    }

    [Fact]
    public void Escape_closes_the_reassign_notice_and_leaves_the_group_where_it_is()
    {
        var cut = OnGroupsStep();
        cut.Find("#g-grp_a").Change(true);

        cut.Find("[data-testid=reassign-notice]").KeyDown(new Microsoft.AspNetCore.Components.Web.KeyboardEventArgs { Key = "Escape" });

        Assert.Empty(cut.FindAll("[data-testid=reassign-notice]"));
        Assert.False(cut.Find("#wizard-next").HasAttribute("disabled"));
        Assert.Equal("0 group(s) selected", cut.Find("#selected-count").TextContent);
    }

    [Fact]
    public void The_review_says_the_move_is_still_to_come()
    {
        var cut = OnGroupsStep();
        cut.Find("#g-grp_a").Change(true);
        cut.Find("#reassign-confirm").Click();
        cut.Find("#wizard-next").Click();
        cut.Find("#wizard-next").Click();

        cut.WaitForAssertion(() => Assert.Contains("Paris office (moves here from Fabrikam when the tenant is created)", cut.Find("[data-testid=review]").TextContent));
        Assert.DoesNotContain("moved from another tenant", cut.Markup);
    }

    [Fact]
    public void Loading_groups_says_loading_not_that_nothing_matches()
    {
        var held = Api.Hold("GET", "/api/device-groups?pageSize=200");
        var cut = Render<GroupsStep>(p => p.Add(s => s.Draft, new WizardDraft()));

        Assert.Contains("Loading…", cut.Markup);
        Assert.DoesNotContain("No device group matches", cut.Markup);
        held.SetResult();
        cut.WaitForElement("#g-grp_a");
    }
}
