namespace Tenancy.Core.Access;

/// <summary>What a request does, as the authorisation rule sees it (R10): each route declares one.</summary>
public enum Operation
{
    /// <summary>Say who the caller is (<c>GET /api/me</c>).</summary>
    ReadSelf,
    /// <summary>Read tenants, device groups and devices (within the caller's reach).</summary>
    ReadTenants,
    /// <summary>Move a device between two groups the caller reaches.</summary>
    MoveDevices,
    /// <summary>Create or change tenants, contacts, domains, device groups, devices and group assignment.</summary>
    ManageTenants,
    /// <summary>Templates, uploads and import jobs.</summary>
    Imports,
    /// <summary>Ticket routing and stored ticket assignments.</summary>
    Routing,
    /// <summary>Agents, agent groups, grants, keys and effective access.</summary>
    ManageAccess,
    /// <summary>Read the audit log.</summary>
    ReadAudit,
    /// <summary>Register, list and revoke the caller's own signing keys (any agent); others' keys need an administrator.</summary>
    SigningKeys,
    /// <summary>Find and erase a person's data everywhere (R15).</summary>
    PersonalData,
}
