using Microsoft.AspNetCore.OpenApi;

namespace Tenancy.Http.OpenApi;

/// <summary>The OpenAPI document's name, route and the settings both hosts generate it with.</summary>
public static class TenancyOpenApi
{
    public const string DocumentName = "v1";

    /// <summary>Under <see cref="ApiRoutes.Prefix"/>: <c>/api/openapi.json</c>.</summary>
    public const string Route = "openapi.json";

    public static void Configure(OpenApiOptions options) => options.AddDocumentTransformer((document, _, _) =>
    {
        document.Info.Title = "Tenancy API";
        document.Info.Description = "Tenants, contacts, device groups, email domains and imports for an MSP. " +
                                    "Authenticate with 'Authorization: Bearer <account API key>'.";
        return Task.CompletedTask;
    });
}
