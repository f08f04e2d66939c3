using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Tenancy.Http;
using Tenancy.Http.Endpoints;

namespace Tenancy.Functions;

/// <summary>Device routes (R4), one function per <see cref="ApiRoutes.All"/> entry, on the shared handlers.</summary>
public static class DeviceFunctions
{
    [Function("CreateDevice")]
    public static Task<IResult> CreateDevice(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.Devices)] HttpRequest req) =>
        DeviceEndpoints.Create(req);

    [Function("ListDevices")]
    public static Task<IResult> ListDevices(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Devices)] HttpRequest req) =>
        DeviceEndpoints.List(req);

    [Function("MoveDevice")]
    public static Task<IResult> MoveDevice(
        [HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = ApiRoutes.Device)] HttpRequest req, string deviceId) =>
        DeviceEndpoints.Move(req, deviceId);
}
