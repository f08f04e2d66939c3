using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.OpenApi;

namespace Tenancy.Http.OpenApi;

public static class OpenApiDescriptions
{
    /// <summary>
    /// Documents a JSON request body. Unlike <c>Accepts&lt;T&gt;</c>, this adds no content-type constraint to routing,
    /// so a wrong content type reaches the handler and gets its explained 415 on both hosts.
    /// </summary>
    public static RouteHandlerBuilder JsonBody<T>(this RouteHandlerBuilder builder) =>
        builder.AddOpenApiOperationTransformer(async (operation, context, cancellationToken) =>
        {
            var schema = await context.GetOrCreateSchemaAsync(typeof(T), null, cancellationToken);
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = schema } },
            };
        });
}
