using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Tenancy.WebConsole.Access;

namespace Tenancy.WebConsole.Tests.Access;

/// <summary>R10: a grant names what it gives (a tenant or a device group, picked by name); one without its target is not sent.</summary>
public sealed class GrantFormTests : ConsoleTestContext
{
    public GrantFormTests()
    {
        Api.Answer("GET", "/api/tenants?pageSize=200", HttpStatusCode.OK,
            """{"items":[{"id":"ten_c","name":"Contoso","contactCount":1,"deviceGroupCount":0,"domainCount":0,"primaryContact":null,"updatedAt":"2026-01-01T00:00:00Z"}],"continuationToken":null}""");
        Api.Answer("GET", "/api/device-groups?pageSize=200", HttpStatusCode.OK,
            """{"items":[{"id":"grp_p","name":"Paris office","tenantId":"ten_c","deviceCount":4}],"continuationToken":null}""");
        Api.Answer("POST", "/api/access-grants", HttpStatusCode.Created,
            """{"id":"gr_1","agentId":"agt_1","scope":"tenant","tenantId":"ten_c","createdAt":"2026-01-01T00:00:00Z","createdBy":"account"}""");
    }

    private async Task<IRenderedComponent<GrantForm>> RenderFormAsync()
    {
        var targets = Services.GetRequiredService<AccessTargets>();
        await targets.LoadAsync();
        return Render<GrantForm>(p => p.Add(f => f.AgentId, "agt_1").Add(f => f.Targets, targets));
    }

    [Fact]
    public async Task A_tenant_grant_without_a_tenant_asks_for_one_and_sends_nothing()
    {
        var cut = await RenderFormAsync();

        cut.Find("#add-grant").Click();

        Assert.Equal("Choose the tenant.", cut.Find("#err-grant").TextContent.Trim());
        Assert.Equal("true", cut.Find("#grant-tenant").GetAttribute("aria-invalid"));
        Assert.DoesNotContain(Api.Requests, r => r.Route == "POST /api/access-grants");
    }

    [Fact]
    public async Task A_device_group_grant_offers_groups_by_name_with_their_tenant()
    {
        var cut = await RenderFormAsync();

        cut.Find("#grant-scope").Change("deviceGroup");

        Assert.Contains(cut.FindAll("#grant-group option"), o => o.TextContent == "Paris office (Contoso)");
        cut.Find("#add-grant").Click();
        Assert.Equal("Choose the device group.", cut.Find("#err-grant").TextContent.Trim());
    }

    [Fact]
    public async Task A_picked_tenant_is_granted_to_the_agent()
    {
        var cut = await RenderFormAsync();
        cut.Find("#grant-tenant").Change("ten_c");

        cut.Find("#add-grant").Click();

        cut.WaitForState(() => Api.Requests.Any(r => r.Route == "POST /api/access-grants"));
        var body = Api.Requests.First(r => r.Route == "POST /api/access-grants").Body!;
        Assert.Contains("\"agentId\":\"agt_1\"", body);
        Assert.Contains("\"scope\":\"tenant\"", body);
        Assert.Contains("\"tenantId\":\"ten_c\"", body);
        Assert.DoesNotContain("deviceGroupId", body);
    }
}
