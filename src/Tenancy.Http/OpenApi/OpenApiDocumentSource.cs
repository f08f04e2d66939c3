using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;
using Tenancy.Http.Json;

namespace Tenancy.Http.OpenApi;

/// <summary>
/// The one source of the OpenAPI document both hosts serve. ASP.NET Core generates it from routed endpoints, which
/// the Functions host does not have, so the route table is mapped on an app of its own that is built, never started,
/// and asked for the document once.
/// </summary>
public sealed class OpenApiDocumentSource
{
    private readonly Lazy<Task<string>> _json = new(GenerateAsync);

    public Task<string> JsonAsync() => _json.Value;

    /// <summary>The handler of <c>GET /api/openapi.json</c> on both hosts (anonymous, as API references are).</summary>
    public static async Task<IResult> Serve(HttpRequest request) =>
        Results.Text(await request.HttpContext.RequestServices.GetRequiredService<OpenApiDocumentSource>().JsonAsync(),
            "application/json; charset=utf-8");

    private static async Task<string> GenerateAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        // The schemas follow the serializer settings, so they must be the API's (strict numbers, string enums).
        builder.Services.ConfigureHttpJsonOptions(o => TenancyJson.Configure(o.SerializerOptions));
        builder.Services.AddOpenApi(TenancyOpenApi.DocumentName, TenancyOpenApi.Configure);
        await using var app = builder.Build();
        app.MapTenancyApi();
        // The generator reads the routing's endpoint sources, which UseEndpoints fills; the pipeline itself never runs.
        app.UseRouting();
        app.UseEndpoints(_ => { });
        var document = await app.Services.GetRequiredKeyedService<IOpenApiDocumentProvider>(TenancyOpenApi.DocumentName)
            .GetOpenApiDocumentAsync();
        return await document.SerializeAsJsonAsync(OpenApiSpecVersion.OpenApi3_1);
    }
}
