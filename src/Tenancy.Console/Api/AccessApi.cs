using System.Globalization;
using Tenancy.Http.Contracts;

namespace Tenancy.WebConsole.Api;

/// <summary>
/// The console's calls for agents, agent groups, grants, effective access and the audit log (API.md "Agents and
/// access"), through <see cref="TenancyApi"/>, so they share its HttpClient (and whatever handlers it carries).
/// </summary>
public sealed class AccessApi(TenancyApi api)
{
    // Agents
    public Task<ApiResult<ListResponse<AgentResponse>>> ListAgentsAsync() =>
        api.SendAsync<ListResponse<AgentResponse>>(HttpMethod.Get, "api/agents?pageSize=200");

    public Task<ApiResult<AgentResponse>> GetAgentAsync(string agentId) =>
        api.SendAsync<AgentResponse>(HttpMethod.Get, $"api/agents/{Esc(agentId)}");

    public Task<ApiResult<CreatedAgentResponse>> CreateAgentAsync(CreateAgentBody body) =>
        api.SendAsync<CreatedAgentResponse>(HttpMethod.Post, "api/agents", body);

    public Task<ApiResult<AgentResponse>> PatchAgentAsync(string agentId, PatchAgentBody body) =>
        api.SendAsync<AgentResponse>(HttpMethod.Patch, $"api/agents/{Esc(agentId)}", body);

    public Task<ApiResult<object>> DeleteAgentAsync(string agentId) =>
        api.SendAsync<object>(HttpMethod.Delete, $"api/agents/{Esc(agentId)}");

    public Task<ApiResult<ApiKeyResponse>> RotateKeyAsync(string agentId) =>
        api.SendAsync<ApiKeyResponse>(HttpMethod.Post, $"api/agents/{Esc(agentId)}/api-key");

    // Agent groups
    public Task<ApiResult<ListResponse<AgentGroupResponse>>> ListAgentGroupsAsync() =>
        api.SendAsync<ListResponse<AgentGroupResponse>>(HttpMethod.Get, "api/agent-groups?pageSize=200");

    public Task<ApiResult<AgentGroupResponse>> CreateAgentGroupAsync(string name) =>
        api.SendAsync<AgentGroupResponse>(HttpMethod.Post, "api/agent-groups", new CreateAgentGroupBody(name, null));

    public Task<ApiResult<AgentGroupResponse>> RenameAgentGroupAsync(string agentGroupId, string name) =>
        api.SendAsync<AgentGroupResponse>(HttpMethod.Patch, $"api/agent-groups/{Esc(agentGroupId)}", new PatchAgentGroupBody(name));

    public Task<ApiResult<AgentGroupResponse>> SetMembersAsync(string agentGroupId, IReadOnlyList<string> agentIds) =>
        api.SendAsync<AgentGroupResponse>(HttpMethod.Put, $"api/agent-groups/{Esc(agentGroupId)}/members", new AgentGroupMembersBody(agentIds.ToList()));

    public Task<ApiResult<object>> DeleteAgentGroupAsync(string agentGroupId) =>
        api.SendAsync<object>(HttpMethod.Delete, $"api/agent-groups/{Esc(agentGroupId)}");

    // Grants and effective access
    public Task<ApiResult<ListResponse<GrantResponse>>> ListGrantsAsync(string? agentId = null, string? tenantId = null) =>
        api.SendAsync<ListResponse<GrantResponse>>(HttpMethod.Get, "api/access-grants" + Query(("agentId", agentId), ("tenantId", tenantId)));

    public Task<ApiResult<GrantResponse>> CreateGrantAsync(CreateGrantBody body) =>
        api.SendAsync<GrantResponse>(HttpMethod.Post, "api/access-grants", body);

    public Task<ApiResult<object>> DeleteGrantAsync(string grantId) =>
        api.SendAsync<object>(HttpMethod.Delete, $"api/access-grants/{Esc(grantId)}");

    /// <summary>What the agent reaches now, or as it stood at <paramref name="at"/>.</summary>
    public Task<ApiResult<AgentAccessResponse>> AgentAccessAsync(string agentId, DateTimeOffset? at = null) =>
        api.SendAsync<AgentAccessResponse>(HttpMethod.Get, $"api/agents/{Esc(agentId)}/access" + Query(("at", Iso(at))));

    public Task<ApiResult<ReachingAgentsResponse>> GroupAccessAsync(string groupId) =>
        api.SendAsync<ReachingAgentsResponse>(HttpMethod.Get, $"api/device-groups/{Esc(groupId)}/access");

    /// <summary>Who would lose and gain access if the groups moved to the tenant; nothing changes.</summary>
    public Task<ApiResult<AssignPreviewResponse>> PreviewAssignAsync(string tenantId, IReadOnlyList<string> groupIds) =>
        api.SendAsync<AssignPreviewResponse>(HttpMethod.Post, $"api/tenants/{Esc(tenantId)}/device-groups/assign",
            new AssignGroupsBody(groupIds.ToList(), null, Preview: true));

    // Audit
    public Task<ApiResult<ListResponse<AuditEntryResponse>>> AuditAsync(AuditFilter filter, string? continuationToken, int pageSize = 50) =>
        api.SendAsync<ListResponse<AuditEntryResponse>>(HttpMethod.Get, "api/audit" + Query(("from", Iso(filter.From)), ("to", Iso(filter.To)),
            ("targetId", filter.TargetId), ("actorId", filter.ActorId), ("pageSize", pageSize.ToString(CultureInfo.InvariantCulture)),
            ("continuationToken", continuationToken)));

    private static string? Iso(DateTimeOffset? at) => at?.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Esc(string value) => Uri.EscapeDataString(value);

    private static string Query(params (string Name, string? Value)[] args)
    {
        var parts = args.Where(a => !string.IsNullOrEmpty(a.Value)).Select(a => $"{a.Name}={Uri.EscapeDataString(a.Value!)}").ToList();
        return parts.Count == 0 ? "" : "?" + string.Join("&", parts);
    }
}

/// <summary>The audit page's filters: a time range, a target id, an actor id; empty ones are left out.</summary>
public sealed record AuditFilter(DateTimeOffset? From = null, DateTimeOffset? To = null, string? TargetId = null, string? ActorId = null);
