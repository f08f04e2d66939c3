using Microsoft.AspNetCore.Http;
using Tenancy.Core.DeviceGroups;
using Tenancy.Core.Signatures;
using Tenancy.Http.Contracts;
using Tenancy.Http.Json;

namespace Tenancy.Http.Endpoints;

/// <summary>HTTP handlers for devices; a device's tenant is its group's tenant.</summary>
public static class DeviceEndpoints
{
    public static Task<IResult> Create(HttpRequest request) => ApiEndpoint.RunAsync(request, async ctx =>
    {
        var body = await JsonBody.ReadAsync<CreateDeviceBody>(request, ctx.CancellationToken);
        var device = await ctx.Service<DeviceGroupService>().CreateDeviceAsync(ctx.AccountId, new NewDevice(body.Name, body.GroupId), ctx.CancellationToken);
        return Results.Json(DeviceResponse.From(device), TenancyJson.Options, statusCode: StatusCodes.Status201Created)
            .WithLocation($"/api/devices/{device.Id}");
    });

    public static Task<IResult> List(HttpRequest request) => ApiEndpoint.RunAsync(request, async ctx =>
    {
        var page = await ctx.Service<DeviceGroupService>().ListDevicesAsync(ctx.AccountId, QueryArgs.String(request, "groupId"),
            QueryArgs.String(request, "tenantId"), QueryArgs.Page(request), ctx.CancellationToken);
        return Results.Json(new ListResponse<DeviceResponse>(page.Items.Select(DeviceResponse.From).ToList(), page.ContinuationToken), TenancyJson.Options);
    });

    public static Task<IResult> Move(HttpRequest request, string deviceId) => ApiEndpoint.RunAsync(request, [RouteArg.Id("deviceId", deviceId)], async ctx =>
    {
        SignatureGate.KeepBody(request);
        var body = await JsonBody.ReadAsync<MoveDeviceBody>(request, ctx.CancellationToken);
        var device = await ctx.Service<DeviceGroupService>().MoveDeviceAsync(ctx.AccountId, deviceId, body.GroupId,
            () => SignatureGate.RequireAsync(request, ctx.Caller, SensitiveOperation.MoveDevice, ctx.CancellationToken), ctx.CancellationToken);
        return Results.Json(DeviceResponse.From(device), TenancyJson.Options);
    });
}
