using Tenancy.Core.Signatures;
using Microsoft.AspNetCore.Http;
using Tenancy.Core.Access;
using Tenancy.Http.Contracts;
using Tenancy.Http.Json;

namespace Tenancy.Http.Endpoints;

/// <summary>HTTP handlers for agents, agent groups, grants and effective access (R10).</summary>
public static class AccessEndpoints
{
    public static Task<IResult> Me(HttpRequest request) => ApiEndpoint.RunAsync(request, ctx => Task.FromResult(Results.Json(MeView(ctx.Caller), TenancyJson.Options)),
        needsTenantsPlan: false);

    public static MeResponse MeView(Tenancy.Core.Accounts.Caller caller) => caller.Agent is { } agent
        ? new MeResponse("agent", agent.Id, agent.Name, AgentRoles.Name(agent.Role), caller.Account.Id,
            caller.Identity is { } identity ? new IdentityResponse(identity.Issuer, identity.Subject) : null)
        : new MeResponse("account", null, caller.Account.Name, AgentRoles.Name(AgentRole.Administrator), caller.Account.Id);

    public static Task<IResult> CreateAgent(HttpRequest request) => ApiEndpoint.RunAsync(request, async ctx =>
    {
        var body = await JsonBody.ReadAsync<CreateAgentBody>(request, ctx.CancellationToken);
        var created = await ctx.Service<AccessService>().CreateAgentAsync(ctx.AccountId, new NewAgent(body.Name, body.Email, body.Role), ctx.CancellationToken);
        var a = created.Agent;
        return Results.Json(new CreatedAgentResponse(a.Id, a.Name, a.Email, AgentRoles.Name(a.Role), a.CreatedAt, created.ApiKey), TenancyJson.Options,
            statusCode: StatusCodes.Status201Created).WithLocation($"/api/agents/{a.Id}");
    });

    public static Task<IResult> ListAgents(HttpRequest request) => ApiEndpoint.RunAsync(request, async ctx =>
    {
        var agents = await ctx.Service<AccessService>().ListAgentsAsync(ctx.AccountId, ctx.CancellationToken);
        return Results.Json(new ListResponse<AgentResponse>(agents.Select(View).ToList(), null), TenancyJson.Options);
    });

    public static Task<IResult> GetAgent(HttpRequest request, string agentId) => ApiEndpoint.RunAsync(request, [RouteArg.Id("agentId", agentId)], async ctx =>
        Results.Json(View(await ctx.Service<AccessService>().GetAgentAsync(ctx.AccountId, agentId, ctx.CancellationToken)), TenancyJson.Options));

    public static Task<IResult> UpdateAgent(HttpRequest request, string agentId) => ApiEndpoint.RunAsync(request, [RouteArg.Id("agentId", agentId)], async ctx =>
    {
        SignatureGate.KeepBody(request);
        var body = await JsonBody.ReadAsync<PatchAgentBody>(request, ctx.CancellationToken);
        if (body.Role is not null)
            await SignatureGate.RequireAsync(request, ctx.Caller, SensitiveOperation.ChangeAgents, ctx.CancellationToken);
        var agent = await ctx.Service<AccessService>().UpdateAgentAsync(ctx.AccountId, agentId, new AgentPatch(body.Name, body.Email, body.Role), ctx.CancellationToken);
        return Results.Json(View(agent), TenancyJson.Options);
    });

    public static Task<IResult> DeleteAgent(HttpRequest request, string agentId) => ApiEndpoint.RunAsync(request, [RouteArg.Id("agentId", agentId)], async ctx =>
    {
        await ctx.Service<AccessService>().DeleteAgentAsync(ctx.AccountId, agentId, ctx.CancellationToken);
        return Results.NoContent();
    });

    public static Task<IResult> RotateAgentKey(HttpRequest request, string agentId) => ApiEndpoint.RunAsync(request, [RouteArg.Id("agentId", agentId)], async ctx =>
        Results.Json(new ApiKeyResponse(await ctx.Service<AccessService>().RotateKeyAsync(ctx.AccountId, agentId, ctx.CancellationToken)), TenancyJson.Options));

    public static Task<IResult> CreateAgentGroup(HttpRequest request) => ApiEndpoint.RunAsync(request, async ctx =>
    {
        var body = await JsonBody.ReadAsync<CreateAgentGroupBody>(request, ctx.CancellationToken);
        var group = await ctx.Service<AccessService>().CreateGroupAsync(ctx.AccountId, body.Name, body.AgentIds, ctx.CancellationToken);
        return Results.Json(View(group), TenancyJson.Options, statusCode: StatusCodes.Status201Created).WithLocation($"/api/agent-groups/{group.Id}");
    });

    public static Task<IResult> ListAgentGroups(HttpRequest request) => ApiEndpoint.RunAsync(request, async ctx =>
    {
        var groups = await ctx.Service<AccessService>().ListGroupsAsync(ctx.AccountId, ctx.CancellationToken);
        return Results.Json(new ListResponse<AgentGroupResponse>(groups.Select(View).ToList(), null), TenancyJson.Options);
    });

    public static Task<IResult> GetAgentGroup(HttpRequest request, string agentGroupId) => ApiEndpoint.RunAsync(request, [RouteArg.Id("agentGroupId", agentGroupId)], async ctx =>
        Results.Json(View(await ctx.Service<AccessService>().GetGroupAsync(ctx.AccountId, agentGroupId, ctx.CancellationToken)), TenancyJson.Options));

    public static Task<IResult> RenameAgentGroup(HttpRequest request, string agentGroupId) => ApiEndpoint.RunAsync(request, [RouteArg.Id("agentGroupId", agentGroupId)], async ctx =>
    {
        var body = await JsonBody.ReadAsync<PatchAgentGroupBody>(request, ctx.CancellationToken);
        return Results.Json(View(await ctx.Service<AccessService>().RenameGroupAsync(ctx.AccountId, agentGroupId, body.Name, ctx.CancellationToken)), TenancyJson.Options);
    });

    public static Task<IResult> SetAgentGroupMembers(HttpRequest request, string agentGroupId) => ApiEndpoint.RunAsync(request, [RouteArg.Id("agentGroupId", agentGroupId)], async ctx =>
    {
        var body = await JsonBody.ReadAsync<AgentGroupMembersBody>(request, ctx.CancellationToken);
        return Results.Json(View(await ctx.Service<AccessService>().SetMembersAsync(ctx.AccountId, agentGroupId, body.AgentIds ?? [], ctx.CancellationToken)), TenancyJson.Options);
    });

    public static Task<IResult> DeleteAgentGroup(HttpRequest request, string agentGroupId) => ApiEndpoint.RunAsync(request, [RouteArg.Id("agentGroupId", agentGroupId)], async ctx =>
    {
        await ctx.Service<AccessService>().DeleteGroupAsync(ctx.AccountId, agentGroupId, ctx.CancellationToken);
        return Results.NoContent();
    });

    public static Task<IResult> CreateGrant(HttpRequest request) => ApiEndpoint.RunAsync(request, async ctx =>
    {
        var body = await JsonBody.ReadAsync<CreateGrantBody>(request, ctx.CancellationToken);
        var (grant, created) = await ctx.Service<AccessService>().AddGrantAsync(ctx.AccountId,
            new NewGrant(body.AgentId, body.AgentGroupId, body.Scope, body.TenantId, body.DeviceGroupId), ctx.Caller.AgentId ?? "account", ctx.CancellationToken);
        return Results.Json(View(grant), TenancyJson.Options, statusCode: created ? StatusCodes.Status201Created : StatusCodes.Status200OK)
            .WithLocation($"/api/access-grants/{grant.Id}");
    });

    public static Task<IResult> ListGrants(HttpRequest request) => ApiEndpoint.RunAsync(request, async ctx =>
    {
        var grants = await ctx.Service<AccessService>().ListGrantsAsync(ctx.AccountId, QueryArgs.String(request, "agentId"),
            QueryArgs.String(request, "agentGroupId"), QueryArgs.String(request, "tenantId"), QueryArgs.String(request, "deviceGroupId"), ctx.CancellationToken);
        return Results.Json(new ListResponse<GrantResponse>(grants.Select(View).ToList(), null), TenancyJson.Options);
    });

    public static Task<IResult> DeleteGrant(HttpRequest request, string grantId) => ApiEndpoint.RunAsync(request, [RouteArg.Id("grantId", grantId)], async ctx =>
    {
        await ctx.Service<AccessService>().RemoveGrantAsync(ctx.AccountId, grantId, ctx.CancellationToken);
        return Results.NoContent();
    });

    public static Task<IResult> AgentAccess(HttpRequest request, string agentId) => ApiEndpoint.RunAsync(request, [RouteArg.Id("agentId", agentId)], async ctx =>
    {
        var access = await ctx.Service<AccessService>().AgentAccessAsync(ctx.AccountId, agentId, QueryArgs.Moment(request, "at"), ctx.CancellationToken);
        return Results.Json(new AgentAccessResponse(access.AllTenants,
            access.Tenants.Select(t => new AccessTenantResponse(t.Id, t.Name, Views(t.Via))).ToList(),
            access.DeviceGroups.Select(g => new AccessGroupResponse(g.Id, g.Name, g.TenantId, Views(g.Via))).ToList()), TenancyJson.Options);
    });

    public static Task<IResult> DeviceGroupAccess(HttpRequest request, string groupId) => ApiEndpoint.RunAsync(request, [RouteArg.Id("groupId", groupId)], async ctx =>
        Reaching(await ctx.Service<AccessService>().GroupAccessAsync(ctx.AccountId, groupId, QueryArgs.Moment(request, "at"), ctx.CancellationToken)));

    public static Task<IResult> DeviceAccess(HttpRequest request, string deviceId) => ApiEndpoint.RunAsync(request, [RouteArg.Id("deviceId", deviceId)], async ctx =>
        Reaching(await ctx.Service<AccessService>().DeviceAccessAsync(ctx.AccountId, deviceId, QueryArgs.Moment(request, "at"), ctx.CancellationToken)));

    private static IResult Reaching(IReadOnlyList<(AgentReach Agent, IReadOnlyList<Via> Via)> agents) =>
        Results.Json(new ReachingAgentsResponse(agents.Select(a => new AgentReachResponse(a.Agent.AgentId, a.Agent.Name, Views(a.Via))).ToList()), TenancyJson.Options);

    public static IReadOnlyList<ViaResponse> Views(IEnumerable<Via> via) =>
        via.Select(v => new ViaResponse(v.GrantId, Grant.ScopeName(v.Scope), v.AgentGroupId)).ToList();

    private static AgentResponse View(Agent a) => new(a.Id, a.Name, a.Email, AgentRoles.Name(a.Role), a.CreatedAt);

    private static AgentGroupResponse View(AgentGroup g) => new(g.Id, g.Name, g.AgentIds);

    private static GrantResponse View(Grant g) => new(g.Id, g.AgentId, g.AgentGroupId, Grant.ScopeName(g.Scope), g.TenantId, g.DeviceGroupId, g.CreatedAt, g.CreatedBy);
}
