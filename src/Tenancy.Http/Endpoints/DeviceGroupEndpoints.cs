using Tenancy.Core.Signatures;
using Microsoft.AspNetCore.Http;
using Tenancy.Core.Access;
using Tenancy.Core.Common;
using Tenancy.Core.DeviceGroups;
using Tenancy.Core.Tenants;
using Tenancy.Http.Contracts;
using Tenancy.Http.Json;

namespace Tenancy.Http.Endpoints;

/// <summary>HTTP handlers for device groups and their assignment to tenants (R4).</summary>
public static class DeviceGroupEndpoints
{
    public static Task<IResult> List(HttpRequest request) => ApiEndpoint.RunAsync(request, async ctx =>
    {
        var page = await ctx.Service<DeviceGroupService>().ListAsync(ctx.AccountId, QueryArgs.String(request, "tenantId"),
            QueryArgs.Bool(request, "unassigned"), QueryArgs.Page(request), ctx.CancellationToken);
        return Results.Json(new ListResponse<DeviceGroupResponse>(page.Items.Select(DeviceGroupResponse.From).ToList(), page.ContinuationToken), TenancyJson.Options);
    });

    public static Task<IResult> Create(HttpRequest request) => ApiEndpoint.RunAsync(request, async ctx =>
    {
        var body = await JsonBody.ReadAsync<CreateDeviceGroupBody>(request, ctx.CancellationToken);
        var group = await ctx.Service<DeviceGroupService>().CreateAsync(ctx.AccountId, body.Name, body.TenantId, ctx.CancellationToken);
        return Results.Json(DeviceGroupResponse.From(group), TenancyJson.Options, statusCode: StatusCodes.Status201Created)
            .WithLocation($"/api/device-groups/{group.Id}");
    });

    public static Task<IResult> Delete(HttpRequest request, string groupId) => ApiEndpoint.RunAsync(request, [RouteArg.Id("groupId", groupId)], async ctx =>
    {
        await ctx.Service<DeviceGroupService>().DeleteAsync(ctx.AccountId, groupId, QueryArgs.Bool(request, "withDevices"), ctx.CancellationToken);
        await ctx.Service<GrantCleanup>().RemoveNamingAsync(ctx.AccountId, groupId, ctx.CancellationToken);
        return Results.NoContent();
    });

    public static Task<IResult> Assign(HttpRequest request, string tenantId) => ApiEndpoint.RunAsync(request, [RouteArg.Id("tenantId", tenantId)], async ctx =>
    {
        SignatureGate.KeepBody(request);
        var body = await JsonBody.ReadAsync<AssignGroupsBody>(request, ctx.CancellationToken);
        if (body.ConfirmReassign == true && body.Preview != true)
            await SignatureGate.RequireAsync(request, ctx.Caller, SensitiveOperation.MoveDeviceGroup, ctx.CancellationToken);
        var tenant = await ctx.Service<TenantService>().GetAsync(ctx.AccountId, tenantId, ctx.CancellationToken);
        var groups = ctx.Service<DeviceGroupService>();
        if (body.Preview == true)
        {
            ctx.SetETag(tenant.ETag);
            var (read, conflicts) = await groups.PreviewAssignmentAsync(ctx.AccountId, tenantId, body.GroupIds, ctx.CancellationToken);
            var changes = await ctx.Service<AccessService>().MoveChangesAsync(ctx.AccountId, read, tenantId, ctx.CancellationToken);
            return Results.Json(new AssignPreviewResponse(conflicts.Select(c => new GroupConflictResponse(c.GroupId, c.TenantId, c.TenantName)).ToList(),
                AccessView(changes)), TenancyJson.Options);
        }
        try
        {
            await groups.AssignAsync(ctx.AccountId, tenantId, body.GroupIds, body.ConfirmReassign ?? false, ctx.CancellationToken);
        }
        catch (ConflictException ex) when (ex.Kind == "device-group-owned-elsewhere")
        {
            // R10: the 409 names who would lose and gain access, so that the caller confirms knowing it.
            var (read, _) = await groups.PreviewAssignmentAsync(ctx.AccountId, tenantId, body.GroupIds, ctx.CancellationToken);
            var changes = await ctx.Service<AccessService>().MoveChangesAsync(ctx.AccountId, read, tenantId, ctx.CancellationToken);
            throw new ConflictException(ex.Message, ex.Kind, new Dictionary<string, object?>(ex.Details) { ["access"] = AccessView(changes) });
        }
        return await TenantViews.OkAsync(ctx, await ctx.Service<TenantService>().GetAsync(ctx.AccountId, tenantId, ctx.CancellationToken));
    });

    private static AccessChangesResponse AccessView(AccessChanges changes) => new(
        changes.Losing.Select(c => new AccessChangeResponse(c.AgentId, c.Name, c.GroupIds)).ToList(),
        changes.Gaining.Select(c => new AccessChangeResponse(c.AgentId, c.Name, c.GroupIds)).ToList());

    public static Task<IResult> Unassign(HttpRequest request, string tenantId) => ApiEndpoint.RunAsync(request, [RouteArg.Id("tenantId", tenantId)], async ctx =>
    {
        var body = await JsonBody.ReadAsync<UnassignGroupsBody>(request, ctx.CancellationToken);
        await ctx.Service<TenantService>().GetAsync(ctx.AccountId, tenantId, ctx.CancellationToken);
        await ctx.Service<DeviceGroupService>().UnassignAsync(ctx.AccountId, tenantId, body.GroupIds, ctx.CancellationToken);
        return await TenantViews.OkAsync(ctx, await ctx.Service<TenantService>().GetAsync(ctx.AccountId, tenantId, ctx.CancellationToken));
    });
}
