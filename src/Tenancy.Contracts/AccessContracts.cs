using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using Tenancy.Core.Access;

namespace Tenancy.Http.Contracts;

[Description("Who the caller is (R10).")]
public sealed record MeResponse(
    [property: Description("account (the account key, the owner) or agent.")] string Kind,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull), Description("The agent's id; absent for the account key.")] string? AgentId,
    [property: Description("The agent's name, or the account's.")] string Name,
    [property: Description("administrator or technician; the account key is administrator.")] string Role,
    [property: Description("The account the key belongs to: blobs dropped for an import go under `{accountId}/`.")] string AccountId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull), Description("The work account the caller signed in with (R14); absent for an API key.")] IdentityResponse? Identity = null);

[Description("A person's work account as their identity provider names them (R14).")]
public sealed record IdentityResponse(
    [property: Description("The token's issuer (for Microsoft Entra ID, the directory's).")] string Issuer,
    [property: Description("The person's subject there (for Microsoft Entra ID, their object id).")] string Subject);

[Description("An agent to create.")]
public sealed record CreateAgentBody(
    [property: Required, StringLength(AccessLimits.MaxNameLength, MinimumLength = 1), Description("The agent's name.")] string? Name,
    [property: Required, EmailAddress, StringLength(254), Description("The agent's email address.")] string? Email,
    [property: Required, RegularExpression("^(administrator|technician)$"), Description("administrator or technician.")] string? Role);

[Description("Changes to an agent; absent or null fields are unchanged.")]
public sealed record PatchAgentBody(
    [property: StringLength(AccessLimits.MaxNameLength, MinimumLength = 1), Description("The agent's name.")] string? Name,
    [property: EmailAddress, StringLength(254), Description("The agent's email address.")] string? Email,
    [property: RegularExpression("^(administrator|technician)$"), Description("administrator or technician.")] string? Role);

[Description("An agent.")]
public sealed record AgentResponse(string Id, string Name, string Email,
    [property: Description("administrator or technician.")] string Role, DateTimeOffset CreatedAt);

[Description("A new agent with its API key, shown this once.")]
public sealed record CreatedAgentResponse(string Id, string Name, string Email, string Role, DateTimeOffset CreatedAt,
    [property: Description("The agent's API key: shown only now, stored as a hash.")] string ApiKey);

[Description("An agent's new API key, shown this once; the previous key stops working.")]
public sealed record ApiKeyResponse([property: Description("The new key.")] string ApiKey);

[Description("An agent group to create.")]
public sealed record CreateAgentGroupBody(
    [property: Required, StringLength(AccessLimits.MaxNameLength, MinimumLength = 1), Description("The group's name.")] string? Name,
    [property: MaxLength(AccessLimits.MaxMembersPerGroup), Description("Its members.")] List<string>? AgentIds);

[Description("An agent group's new name.")]
public sealed record PatchAgentGroupBody(
    [property: Required, StringLength(AccessLimits.MaxNameLength, MinimumLength = 1), Description("The group's name.")] string? Name);

[Description("An agent group's members, replacing the current ones.")]
public sealed record AgentGroupMembersBody(
    [property: Required, MaxLength(AccessLimits.MaxMembersPerGroup), Description("The members.")] List<string>? AgentIds);

[Description("An agent group.")]
public sealed record AgentGroupResponse(string Id, string Name, IReadOnlyList<string> AgentIds);

[Description("A grant to create: exactly one of agentId and agentGroupId; tenantId for scope tenant, deviceGroupId for scope deviceGroup.")]
public sealed record CreateGrantBody(
    [property: Description("The agent it gives access to.")] string? AgentId,
    [property: Description("The agent group it gives access to.")] string? AgentGroupId,
    [property: Required, RegularExpression("^(allTenants|tenant|deviceGroup)$"), Description("allTenants, tenant or deviceGroup.")] string? Scope,
    [property: Description("The tenant, for scope tenant.")] string? TenantId,
    [property: Description("The device group, for scope deviceGroup.")] string? DeviceGroupId);

[Description("A grant (R10).")]
public sealed record GrantResponse(string Id,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? AgentId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? AgentGroupId,
    [property: Description("allTenants, tenant or deviceGroup.")] string Scope,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? TenantId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? DeviceGroupId,
    DateTimeOffset CreatedAt,
    [property: Description("Who made it: account, or the agent's id.")] string CreatedBy);

[Description("Why an access exists: the grant, its scope, and the agent group it comes through.")]
public sealed record ViaResponse(string GrantId,
    [property: Description("allTenants, tenant or deviceGroup.")] string Scope,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? AgentGroupId);

[Description("A tenant an agent reaches.")]
public sealed record AccessTenantResponse(string Id, string Name, IReadOnlyList<ViaResponse> Via);

[Description("A device group an agent reaches.")]
public sealed record AccessGroupResponse(string Id, string Name, string? TenantId, IReadOnlyList<ViaResponse> Via);

[Description("What an agent reaches. An administrator reaches everything by its role (allTenants true, via empty).")]
public sealed record AgentAccessResponse(bool AllTenants, IReadOnlyList<AccessTenantResponse> Tenants, IReadOnlyList<AccessGroupResponse> DeviceGroups);

[Description("An agent that reaches a device group or device, and why (via empty: an administrator, by its role).")]
public sealed record AgentReachResponse(string AgentId, string Name, IReadOnlyList<ViaResponse> Via);

[Description("The agents that reach a device group or a device.")]
public sealed record ReachingAgentsResponse(IReadOnlyList<AgentReachResponse> Items);

[Description("An agent whose reach a move would change, and the groups concerned.")]
public sealed record AccessChangeResponse(string AgentId, string Name, IReadOnlyList<string> GroupIds);

[Description("Who would lose and who would gain access to the moved groups.")]
public sealed record AccessChangesResponse(IReadOnlyList<AccessChangeResponse> Losing, IReadOnlyList<AccessChangeResponse> Gaining);

[Description("What an assignment would do: the groups owned elsewhere, and the access it would change. Nothing changed.")]
public sealed record AssignPreviewResponse(IReadOnlyList<GroupConflictResponse> Conflicts, AccessChangesResponse Access);
