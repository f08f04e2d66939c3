using Microsoft.AspNetCore.Http;
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
        return Results.NoContent();
    });

    public static Task<IResult> Assign(HttpRequest request, string tenantId) => ApiEndpoint.RunAsync(request, [RouteArg.Id("tenantId", tenantId)], async ctx =>
    {
        var body = await JsonBody.ReadAsync<AssignGroupsBody>(request, ctx.CancellationToken);
        await ctx.Service<TenantService>().GetAsync(ctx.AccountId, tenantId, ctx.CancellationToken);
        await ctx.Service<DeviceGroupService>().AssignAsync(ctx.AccountId, tenantId, body.GroupIds, body.ConfirmReassign ?? false, ctx.CancellationToken);
        return await TenantViews.OkAsync(ctx, await ctx.Service<TenantService>().GetAsync(ctx.AccountId, tenantId, ctx.CancellationToken));
    });

    public static Task<IResult> Unassign(HttpRequest request, string tenantId) => ApiEndpoint.RunAsync(request, [RouteArg.Id("tenantId", tenantId)], async ctx =>
    {
        var body = await JsonBody.ReadAsync<UnassignGroupsBody>(request, ctx.CancellationToken);
        await ctx.Service<TenantService>().GetAsync(ctx.AccountId, tenantId, ctx.CancellationToken);
        await ctx.Service<DeviceGroupService>().UnassignAsync(ctx.AccountId, tenantId, body.GroupIds, ctx.CancellationToken);
        return await TenantViews.OkAsync(ctx, await ctx.Service<TenantService>().GetAsync(ctx.AccountId, tenantId, ctx.CancellationToken));
    });
}
