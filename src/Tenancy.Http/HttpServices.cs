using Microsoft.Extensions.DependencyInjection;
using Tenancy.Http.Json;
using Tenancy.Http.OpenApi;

namespace Tenancy.Http;

/// <summary>Registers what the shared handlers need from the host: JSON settings, problem details, the OpenAPI source.</summary>
public static class HttpServices
{
    public static IServiceCollection AddTenancyHttp(this IServiceCollection services)
    {
        services.ConfigureHttpJsonOptions(o => TenancyJson.Configure(o.SerializerOptions));
        services.AddProblemDetails();
        services.AddSingleton<OpenApiDocumentSource>();
        return services;
    }
}
