using Tenancy.WebConsole.Pages;

namespace Tenancy.WebConsole.Session;

/// <summary>
/// Which pages need more than reading (R10): a caller whose role lacks the permission, opening one by its address,
/// is shown one "not available to your role" page instead of a form the API would refuse. Pages not listed are
/// open to every signed-in caller (the API shows each only what it reaches).
/// </summary>
public static class PageAccess
{
    private static readonly Dictionary<Type, Func<Permissions, bool>> Needs = new()
    {
        [typeof(NewTenant)] = p => p.ManageTenants,
        [typeof(ImportsPage)] = p => p.Import,
        [typeof(RoutingTester)] = p => p.Routing,
        [typeof(AgentsPage)] = p => p.ManageAccess,
        [typeof(AgentPage)] = p => p.ManageAccess,
        [typeof(AuditPage)] = p => p.ReadAudit,
    };

    public static bool Allows(Type page, Permissions permissions) => !Needs.TryGetValue(page, out var needs) || needs(permissions);
}
