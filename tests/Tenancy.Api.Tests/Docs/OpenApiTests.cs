using System.Net;
using System.Text.Json.Nodes;
using Tenancy.Http;
using Tenancy.TestSupport;

namespace Tenancy.Api.Tests.Docs;

[Collection(LocalHostCollection.Name)]
public class OpenApiTests(LocalHostFixture host)
{
    [Fact]
    public async Task The_OpenAPI_document_describes_every_route_of_the_route_table()
    {
        var document = await (await host.AnonymousClient().GetAsync("api/openapi.json")).ReadObjectAsync();
        var paths = document["paths"]!.AsObject();

        foreach (var route in ApiRoutes.All)
        {
            var operation = paths[$"/{ApiRoutes.Prefix}/{route.Template}"]?[route.Method.ToLowerInvariant()];
            Assert.True(operation is not null, $"{route.Method} {route.Template} is not documented");
            Assert.Equal(route.Name, (string?)operation["operationId"]);
            Assert.False(string.IsNullOrEmpty((string?)operation["summary"]));
            if (route.Method is "POST" or "PATCH" && !BodylessActions.Contains(route.Name))
                Assert.True(operation["requestBody"] is not null, $"{route.Name} has no documented request body");
        }
    }

    /// <summary>
    /// POST routes that are actions on the resource in their path and take no body: rotating an agent's key (the new
    /// key is the answer), undoing an import, approving a signing key, inviting a person to an agent (the code is the answer).
    /// </summary>
    private static readonly HashSet<string> BodylessActions = ["RotateAgentKey", "UndoImport", "ApproveSigningKey", "CreateInvitation"];

    [Fact]
    public async Task The_docs_page_is_served()
    {
        var response = await host.AnonymousClient().GetAsync("api/docs");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("text/html", response.Content.Headers.ContentType?.MediaType);
    }
}
