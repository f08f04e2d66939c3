namespace Tenancy.Core.Signatures;

/// <summary>
/// The operations an agent may do only with a request signed by one of its approved signing keys (the product page's
/// zero-trust confirmation). The account key is exempt: it is the owner's break-glass, and the audit log shows its use.
/// Beside the ones the product names (creating and deleting device groups, moving and unassigning them, deleting
/// tenants, grants, agent groups, role changes, key rotation), the operations that would otherwise let a stolen
/// administrator key make itself a signer are sensitive too: creating and deleting agents, and approving a signing key.
/// So are the ones that reach as far by another road: undoing an import (it deletes the tenants the import created),
/// moving a device into another tenant's group (the device changes tenant, as in a group move), and revoking another
/// agent's signing key (a stolen key would otherwise lock the other administrators out of every operation here).
/// </summary>
public enum SensitiveOperation
{
    CreateDeviceGroup,
    DeleteDeviceGroup,
    MoveDeviceGroup,
    UnassignDeviceGroup,
    DeleteTenant,
    ChangeGrants,
    ChangeAgentGroups,
    ChangeAgents,
    RotateApiKey,
    ApproveSigningKey,
    UndoImport,
    MoveDevice,
    RevokeSigningKey,
    ErasePersonalData,
}

public static class SensitiveOperations
{
    /// <summary>What each one is, in the words the API document and the 403 use.</summary>
    public static readonly IReadOnlyDictionary<SensitiveOperation, string> Descriptions = new Dictionary<SensitiveOperation, string>
    {
        [SensitiveOperation.CreateDeviceGroup] = "creating a device group",
        [SensitiveOperation.DeleteDeviceGroup] = "deleting a device group",
        [SensitiveOperation.MoveDeviceGroup] = "moving a device group from one tenant to another (assign with confirmReassign)",
        [SensitiveOperation.UnassignDeviceGroup] = "unassigning device groups",
        [SensitiveOperation.DeleteTenant] = "deleting a tenant",
        [SensitiveOperation.ChangeGrants] = "adding or removing an access grant",
        [SensitiveOperation.ChangeAgentGroups] = "creating, renaming, deleting an agent group or changing its members",
        [SensitiveOperation.ChangeAgents] = "creating or deleting an agent, or changing an agent's role",
        [SensitiveOperation.RotateApiKey] = "rotating an agent's API key",
        [SensitiveOperation.ApproveSigningKey] = "approving a signing key",
        [SensitiveOperation.UndoImport] = "undoing an import (it deletes the tenants the import created)",
        [SensitiveOperation.MoveDevice] = "moving a device into a group of another tenant",
        [SensitiveOperation.RevokeSigningKey] = "revoking another agent's signing key",
        [SensitiveOperation.ErasePersonalData] = "erasing a person's data everywhere",
    };
}
