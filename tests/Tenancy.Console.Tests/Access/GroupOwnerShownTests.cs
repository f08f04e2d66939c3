using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Tenancy.WebConsole.Api;
using Tenancy.WebConsole.Pages;
using Tenancy.WebConsole.Session;

namespace Tenancy.WebConsole.Tests.Access;

/// <summary>
/// R10: the API hides the tenant of a group outside a technician's reach (tenantId null, as for an unassigned group),
/// so the console tells a technician only that no tenant it can see owns the group, never that the group is unassigned.
/// </summary>
public sealed class GroupOwnerShownTests : ConsoleTestContext
{
    public GroupOwnerShownTests() =>
        Api.Answer("GET", "/api/device-groups?pageSize=200", HttpStatusCode.OK,
            """{"items":[{"id":"grp_1","name":"Contoso laptops","tenantId":null,"deviceCount":3}],"continuationToken":null}""");

    private string OwnerCell(CallerResponse caller)
    {
        Services.GetRequiredService<ConsoleSession>().SignInAsync("tny_key", caller).GetAwaiter().GetResult();
        var cut = Render<DeviceGroups>();
        return cut.WaitForElement(".owner").TextContent.Trim();
    }

    [Fact]
    public void A_technician_is_not_told_a_group_it_reaches_without_its_tenant_is_unassigned() =>
        Assert.Equal("No tenant you can see", OwnerCell(new CallerResponse("agent", "agt_t", "Tess", "technician")));

    [Fact]
    public void An_administrator_sees_a_group_without_tenant_as_unassigned() =>
        Assert.Equal("Unassigned", OwnerCell(new CallerResponse("agent", "agt_a", "Ada", "administrator")));
}
