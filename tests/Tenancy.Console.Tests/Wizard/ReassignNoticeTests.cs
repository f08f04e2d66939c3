using System.Net;
using Tenancy.WebConsole.Tenants.Wizard;

namespace Tenancy.WebConsole.Tests.Wizard;

/// <summary>
/// R4 on the page: picking a group that belongs to another tenant shows the notification naming that tenant,
/// and the group is taken only after "Move the group".
/// </summary>
public sealed class ReassignNoticeTests : ConsoleTestContext
{
    public ReassignNoticeTests()
    {
        Api.Answer("GET", "/api/device-groups?pageSize=200", HttpStatusCode.OK,
            """{"items":[{"id":"grp_a","name":"Paris office","tenantId":"ten_f","deviceCount":12},{"id":"grp_b","name":"Spare laptops","tenantId":null,"deviceCount":3}],"continuationToken":null}""");
        Api.Answer("GET", "/api/tenants/ten_f", HttpStatusCode.OK,
            """{"id":"ten_f","name":"Fabrikam","notes":null,"contacts":[],"deviceGroups":[],"domains":[],"origin":{"kind":"console","importId":null},"createdAt":"2026-01-01T00:00:00Z","updatedAt":"2026-01-01T00:00:00Z"}""");
    }

    [Fact]
    public void Picking_a_group_of_another_tenant_names_that_tenant_and_does_not_select_it_yet()
    {
        var draft = new WizardDraft();
        var cut = Render<GroupsStep>(p => p.Add(s => s.Draft, draft));
        cut.WaitForElement("#g-grp_a");

        cut.Find("#g-grp_a").Change(true);

        var notice = cut.Find("[data-testid=reassign-notice]");
        Assert.Contains("Paris office", notice.TextContent);
        Assert.Contains("Fabrikam", notice.TextContent);
        Assert.False(draft.IsSelected("grp_a"));
    }

    [Fact]
    public void Confirming_the_move_selects_the_group_and_the_create_call_confirms_the_reassign()
    {
        var draft = new WizardDraft { Name = "Contoso" };
        var cut = Render<GroupsStep>(p => p.Add(s => s.Draft, draft));
        cut.WaitForElement("#g-grp_a").Change(true);

        cut.Find("#reassign-confirm").Click();

        Assert.True(draft.IsSelected("grp_a"));
        Assert.Empty(cut.FindAll("[data-testid=reassign-notice]"));
        Assert.Equal(true, draft.ToBody().ConfirmReassign);
    }

    [Fact]
    public void Cancelling_the_notice_leaves_the_group_where_it_is()
    {
        var draft = new WizardDraft();
        var cut = Render<GroupsStep>(p => p.Add(s => s.Draft, draft));
        cut.WaitForElement("#g-grp_a").Change(true);

        cut.Find("#reassign-keep").Click();

        Assert.False(draft.IsSelected("grp_a"));
        Assert.Null(draft.ToBody().ConfirmReassign);
    }

    [Fact]
    public void An_unassigned_group_is_selected_without_a_notice()
    {
        var draft = new WizardDraft();
        var cut = Render<GroupsStep>(p => p.Add(s => s.Draft, draft));

        cut.WaitForElement("#g-grp_b").Change(true);

        Assert.True(draft.IsSelected("grp_b"));
        Assert.Empty(cut.FindAll("[data-testid=reassign-notice]"));
    }
}
