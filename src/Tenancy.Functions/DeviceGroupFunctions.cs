using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Tenancy.Http;
using Tenancy.Http.Endpoints;

namespace Tenancy.Functions;

/// <summary>Device group routes (R4), one function per <see cref="ApiRoutes.All"/> entry, on the shared handlers.</summary>
public static class DeviceGroupFunctions
{
    [Function("ListDeviceGroups")]
    public static Task<IResult> ListDeviceGroups(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.DeviceGroups)] HttpRequest req) =>
        DeviceGroupEndpoints.List(req);

    [Function("CreateDeviceGroup")]
    public static Task<IResult> CreateDeviceGroup(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.DeviceGroups)] HttpRequest req) =>
        DeviceGroupEndpoints.Create(req);

    [Function("DeleteDeviceGroup")]
    public static Task<IResult> DeleteDeviceGroup(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = ApiRoutes.DeviceGroup)] HttpRequest req, string groupId) =>
        DeviceGroupEndpoints.Delete(req, groupId);

    [Function("AssignDeviceGroups")]
    public static Task<IResult> AssignDeviceGroups(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.AssignGroups)] HttpRequest req, string tenantId) =>
        DeviceGroupEndpoints.Assign(req, tenantId);

    [Function("UnassignDeviceGroups")]
    public static Task<IResult> UnassignDeviceGroups(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.UnassignGroups)] HttpRequest req, string tenantId) =>
        DeviceGroupEndpoints.Unassign(req, tenantId);
}
