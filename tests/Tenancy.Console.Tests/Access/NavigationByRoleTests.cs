using Microsoft.Extensions.DependencyInjection;
using Tenancy.WebConsole.Api;
using Tenancy.WebConsole.Layout;
using Tenancy.WebConsole.Session;

namespace Tenancy.WebConsole.Tests.Access;

/// <summary>R10: the menu offers only pages the caller's role may use (the API's own rule), so a technician meets no 403 link.</summary>
public sealed class NavigationByRoleTests : ConsoleTestContext
{
    private IReadOnlyList<string> LinksFor(CallerResponse caller)
    {
        Services.GetRequiredService<ConsoleSession>().SignInAsync("tny_key", caller).GetAwaiter().GetResult();
        return Render<NavMenu>().FindAll("a").Select(a => a.GetAttribute("href")!).ToList();
    }

    [Fact]
    public void A_technician_is_not_offered_imports_routing_agents_or_audit()
    {
        var links = LinksFor(new CallerResponse("agent", "agt_1", "Tess", "technician"));

        Assert.Equal(["tenants", "device-groups", "signing-keys"], links);
    }

    [Fact]
    public void An_administrator_is_offered_every_page()
    {
        var links = LinksFor(new CallerResponse("agent", "agt_2", "Ada", "administrator"));

        Assert.Equal(["tenants", "device-groups", "imports", "routing", "agents", "audit", "signing-keys"], links);
    }

    [Fact]
    public void The_account_key_is_offered_every_page()
    {
        Assert.Equal(["tenants", "device-groups", "imports", "routing", "agents", "audit", "signing-keys"], LinksFor(CallerResponse.Account));
    }
}
