using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Tenancy.Core.Common;

namespace Tenancy.Http.Endpoints;

/// <summary>Health checks for load balancers and the console (anonymous, no data): alive, and ready with storage.</summary>
public static class HealthEndpoints
{
    public sealed record HealthResponse(string Status, string? Storage = null);

    /// <summary>The process answers.</summary>
    public static Task<IResult> Live(HttpRequest request) =>
        Task.FromResult(Results.Json(new HealthResponse("live"), Json.TenancyJson.Options));

    /// <summary>The process answers and storage does: 200 ready, or 503 degraded while storage is away.</summary>
    public static async Task<IResult> Ready(HttpRequest request)
    {
        var probe = request.HttpContext.RequestServices.GetRequiredService<IStorageProbe>();
        var reachable = await probe.IsReachableAsync(request.HttpContext.RequestAborted);
        request.HttpContext.Response.Headers.CacheControl = "no-store";
        return reachable
            ? Results.Json(new HealthResponse("ready", "reachable"), Json.TenancyJson.Options)
            : Results.Json(new HealthResponse("degraded", "unreachable"), Json.TenancyJson.Options, statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}
