using Tenancy.Core.Accounts;
using Tenancy.Core.Common;

namespace Tenancy.Core.Access;

/// <summary>
/// The one place that answers "may this principal do this operation" and "what does it reach" (R10). Handlers ask it;
/// storage adapters never decide. The account key is the owner; an administrator can do what it does.
/// </summary>
public static class AccessRule
{
    /// <summary>The operations each role may do; the account key may do all of them.</summary>
    public static readonly IReadOnlyDictionary<AgentRole, IReadOnlySet<Operation>> Permitted = new Dictionary<AgentRole, IReadOnlySet<Operation>>
    {
        [AgentRole.Administrator] = Enum.GetValues<Operation>().ToHashSet(),
        [AgentRole.Technician] = new HashSet<Operation> { Operation.ReadSelf, Operation.ReadTenants, Operation.MoveDevices, Operation.SigningKeys },
    };

    public static bool Permits(Caller caller, Operation operation) =>
        caller.Agent is not { } agent || Permitted[agent.Role].Contains(operation);

    /// <summary>Throws <see cref="ForbiddenException"/> when the caller's role may not do the operation.</summary>
    public static void Require(Caller caller, Operation operation)
    {
        if (!Permits(caller, operation))
            throw new ForbiddenException($"The {AgentRoles.Name(caller.Agent!.Role)} role may not do this ({OperationName(operation)}).");
    }

    /// <summary>The roles allowed to do an operation (for the API document); the account key always is.</summary>
    public static IReadOnlyList<AgentRole> RolesFor(Operation operation) =>
        Permitted.Where(p => p.Value.Contains(operation)).Select(p => p.Key).Order().ToList();

    /// <summary>What the caller reaches: everything for the account key and administrators, its grants for a technician.</summary>
    public static Reach ReachOf(Caller? caller) => caller?.Agent is { Role: AgentRole.Technician } agent ? agent.Reach : Reach.Everything;

    /// <summary>The reach of the request that is running; no caller (queue and blob processing) is the system, which reaches everything.</summary>
    public static Reach Current => ReachOf(CallerScope.Current);

    /// <summary>A tenant outside the caller's reach is not found, exactly like one that does not exist.</summary>
    public static void RequireTenant(string tenantId)
    {
        if (!Current.ReachesTenant(tenantId)) throw NotFound.Tenant(tenantId);
    }

    public static void RequireGroup(string groupId, string? currentTenantId)
    {
        if (!Current.ReachesGroup(groupId, currentTenantId)) throw NotFound.Group(groupId);
    }

    private static string OperationName(Operation operation) => operation switch
    {
        Operation.ManageTenants => "changing tenants, contacts, domains, device groups or devices",
        Operation.Imports => "imports",
        Operation.Routing => "ticket routing",
        Operation.ManageAccess => "managing agents, grants and access",
        Operation.ReadAudit => "reading the audit log",
        Operation.MoveDevices => "moving devices",
        Operation.SigningKeys => "managing signing keys",
        Operation.PersonalData => "finding and erasing personal data",
        _ => "reading",
    };
}

/// <summary>The not-found answers an out-of-reach id gets: the same text as a missing id's.</summary>
public static class NotFound
{
    public static NotFoundException Tenant(string tenantId) => new($"Tenant '{tenantId}' was not found.");
    public static NotFoundException Group(string groupId) => new($"Device group '{groupId}' was not found.");
    public static NotFoundException Device(string deviceId) => new($"Device '{deviceId}' was not found.");
}
