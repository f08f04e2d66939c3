using Tenancy.Core.Accounts;
using Tenancy.Core.Common;
using Tenancy.Core.Common.Messages;

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
            throw new ForbiddenException(ApiMessages.RoleMayNot.Text(AgentRoles.Name(caller.Agent!.Role), OperationName(operation)));
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
        Operation.ManageTenants => ApiMessages.ManageTenants.English,
        Operation.Imports => ApiMessages.Imports.English,
        Operation.Routing => ApiMessages.Routing.English,
        Operation.ManageAccess => ApiMessages.ManageAccess.English,
        Operation.ReadAudit => ApiMessages.ReadAudit.English,
        Operation.MoveDevices => ApiMessages.MoveDevices.English,
        Operation.SigningKeys => ApiMessages.SigningKeys.English,
        Operation.PersonalData => ApiMessages.PersonalData.English,
        _ => ApiMessages.Reading.English,
    };
}

/// <summary>The not-found answers an out-of-reach id gets: the same text as a missing id's.</summary>
public static class NotFound
{
    public static NotFoundException Tenant(string tenantId) => new(ApiMessages.TenantNotFound.Text(tenantId));
    public static NotFoundException Group(string groupId) => new(ApiMessages.GroupNotFound.Text(groupId));
    public static NotFoundException Device(string deviceId) => new(ApiMessages.DeviceNotFound.Text(deviceId));
}
