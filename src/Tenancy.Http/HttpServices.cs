using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Tenancy.Http.Json;
using Tenancy.Http.OpenApi;
using Tenancy.Http.RateLimits;

namespace Tenancy.Http;

/// <summary>Registers what the shared handlers need from the host: JSON settings, problem details, the OpenAPI source.</summary>
public static class HttpServices
{
    public static IServiceCollection AddTenancyHttp(this IServiceCollection services, IConfiguration configuration)
    {
        // Bound when first used, so that a host can still change its configuration after registering.
        services.AddSingleton(_ => configuration.GetSection(RateLimitOptions.Section).Get<RateLimitOptions>() ?? new RateLimitOptions());
        services.AddSingleton<ApiRateLimiter>();
        services.AddSingleton(_ => configuration.GetSection(Identity.IdentityOptions.Section).Get<Identity.IdentityOptions>() ?? new Identity.IdentityOptions());
        services.AddSingleton<Identity.AccessTokens>();
        services.AddSingleton<Identity.CallerAuthentication>();
        services.ConfigureHttpJsonOptions(o => TenancyJson.Configure(o.SerializerOptions));
        services.AddProblemDetails(o => o.CustomizeProblemDetails = Problems.UnmatchedRequests.Describe);
        services.AddSingleton<OpenApiDocumentSource>();
        return services;
    }
}
