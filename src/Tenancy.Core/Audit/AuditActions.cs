namespace Tenancy.Core.Audit;

/// <summary>Every action the audit log records, by the kind of resource it changes (docs/api.md lists them too).</summary>
public static class AuditActions
{
    public const string TenantCreated = "tenant.created";
    public const string TenantUpdated = "tenant.updated";
    public const string TenantDeleted = "tenant.deleted";

    public const string ContactAdded = "contact.added";
    public const string ContactUpdated = "contact.updated";
    public const string ContactRemoved = "contact.removed";

    public const string DomainAdded = "domain.added";
    public const string DomainRemoved = "domain.removed";
    public const string DomainsReplaced = "domains.replaced";

    public const string DeviceGroupCreated = "deviceGroup.created";
    public const string DeviceGroupAssigned = "deviceGroup.assigned";
    public const string DeviceGroupUnassigned = "deviceGroup.unassigned";
    public const string DeviceGroupDeleted = "deviceGroup.deleted";

    public const string DeviceRegistered = "device.registered";
    public const string DeviceMoved = "device.moved";

    public const string ImportCreated = "import.created";
    public const string ImportUndoRequested = "import.undoRequested";

    public const string AccountKeyRotated = "account.keyRotated";

    public const string AgentCreated = "agent.created";
    public const string AgentUpdated = "agent.updated";
    public const string AgentKeyRotated = "agent.keyRotated";
    public const string AgentDeleted = "agent.deleted";
    public const string AgentInvited = "agent.invited";
    public const string AgentIdentityLinked = "agent.identityLinked";
    public const string AgentIdentityUnlinked = "agent.identityUnlinked";

    public const string AgentGroupCreated = "agentGroup.created";
    public const string AgentGroupRenamed = "agentGroup.renamed";
    public const string AgentGroupMembersSet = "agentGroup.membersSet";
    public const string AgentGroupDeleted = "agentGroup.deleted";

    public const string GrantCreated = "grant.created";
    public const string GrantDeleted = "grant.deleted";

    public const string SigningKeyRegistered = "signingKey.registered";
    public const string SigningKeyApproved = "signingKey.approved";
    public const string SigningKeyRevoked = "signingKey.revoked";

    /// <summary>A person's data was erased (R15): ids and counts only, never a personal value.</summary>
    public const string PersonalDataErased = "personalData.erased";

    public static readonly IReadOnlyList<string> All =
    [
        TenantCreated, TenantUpdated, TenantDeleted, ContactAdded, ContactUpdated, ContactRemoved,
        DomainAdded, DomainRemoved, DomainsReplaced, DeviceGroupCreated, DeviceGroupAssigned, DeviceGroupUnassigned,
        DeviceGroupDeleted, DeviceRegistered, DeviceMoved, ImportCreated, ImportUndoRequested, AccountKeyRotated, AgentCreated, AgentUpdated,
        AgentKeyRotated, AgentDeleted, AgentInvited, AgentIdentityLinked, AgentIdentityUnlinked, AgentGroupCreated, AgentGroupRenamed, AgentGroupMembersSet, AgentGroupDeleted, GrantCreated,
        GrantDeleted, SigningKeyRegistered, SigningKeyApproved, SigningKeyRevoked, PersonalDataErased,
    ];
}
