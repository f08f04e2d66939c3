using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tenancy.Http.Endpoints;
using Tenancy.Http.OpenApi;
using Tenancy.Http.Security;

namespace Tenancy.Http;

/// <summary>
/// The routes outside the API's contract that both hosts serve without a key (under <c>/api</c>): the OpenAPI document
/// and the health checks. The Functions app has one anonymous function for each.
/// </summary>
public static class AnonymousRoutes
{
    public const string HealthLive = "health/live";
    public const string HealthReady = "health/ready";

    public static readonly IReadOnlyList<(string Name, string Template, Func<HttpRequest, Task<IResult>> Handler)> All =
    [
        ("GetOpenApiDocument", TenancyOpenApi.Route, OpenApiDocumentSource.Serve),
        ("HealthLive", HealthLive, HealthEndpoints.Live),
        ("HealthReady", HealthReady, HealthEndpoints.Ready),
    ];

    /// <summary>Runs an anonymous route's handler with the hardening headers every answer carries (the Functions app has no middleware for them).</summary>
    public static Task<IResult> RunAsync(HttpRequest request, Func<HttpRequest, Task<IResult>> handler)
    {
        SecurityHeaders.Apply(request.HttpContext.Response);
        return handler(request);
    }

    public static IEndpointRouteBuilder MapAnonymousRoutes(this IEndpointRouteBuilder app)
    {
        foreach (var (name, template, handler) in All)
            app.MapGet($"/{ApiRoutes.Prefix}/{template}", (HttpRequest request) => RunAsync(request, handler)).WithName(name).ExcludeFromDescription();
        return app;
    }
}
