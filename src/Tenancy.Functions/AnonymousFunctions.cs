using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Tenancy.Http;
using Tenancy.Http.Endpoints;
using Tenancy.Http.OpenApi;

namespace Tenancy.Functions;

/// <summary>The <see cref="AnonymousRoutes"/>: the OpenAPI document (the local host's own) and the health checks.</summary>
public static class AnonymousFunctions
{
    [Function("GetOpenApiDocument")]
    public static Task<IResult> GetOpenApiDocument(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = TenancyOpenApi.Route)] HttpRequest req) =>
        AnonymousRoutes.RunAsync(req, OpenApiDocumentSource.Serve);

    [Function("HealthLive")]
    public static Task<IResult> HealthLive(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = AnonymousRoutes.HealthLive)] HttpRequest req) =>
        AnonymousRoutes.RunAsync(req, HealthEndpoints.Live);

    [Function("HealthReady")]
    public static Task<IResult> HealthReady(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = AnonymousRoutes.HealthReady)] HttpRequest req) =>
        AnonymousRoutes.RunAsync(req, HealthEndpoints.Ready);
}
