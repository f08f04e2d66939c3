using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Tenancy.Http.OpenApi;

namespace Tenancy.Functions;

/// <summary>The OpenAPI document, the same one the local host serves (anonymous, as API references are).</summary>
public static class OpenApiFunctions
{
    [Function("GetOpenApiDocument")]
    public static Task<IResult> GetOpenApiDocument(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = TenancyOpenApi.Route)] HttpRequest req) =>
        OpenApiDocumentSource.Serve(req);
}
