using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Primitives;
using Tenancy.Core.Accounts;
using Tenancy.Core.Imports;
using Tenancy.Http;
using Tenancy.Http.OpenApi;
using Tenancy.TestSupport;

namespace Tenancy.Api.Tests.Docs;

/// <summary>
/// The document against the route table and the handlers themselves: every route is documented with its method,
/// path parameters (the handler's arguments), the query parameters and headers the handler reads, and the status it
/// answered. Each handler is called with the document's own examples, recording what it reads.
/// </summary>
[Collection(LocalHostCollection.Name)]
public class OpenApiRouteTableTests(LocalHostFixture host)
{
    // Read by the hosting layer for every request, not by a route's own logic.
    private static readonly HashSet<string> TransportHeaders = new(StringComparer.OrdinalIgnoreCase)
        { "Authorization", "Content-Type", "Content-Length", "Transfer-Encoding", "Content-Encoding", "Expect" };

    private async Task<JsonObject> DocumentAsync() =>
        JsonNode.Parse(await host.Services.GetRequiredService<OpenApiDocumentSource>().JsonAsync())!.AsObject();

    [Fact]
    public async Task Every_route_is_documented_with_its_method_and_path_parameters_and_nothing_else_is()
    {
        var paths = (await DocumentAsync())["paths"]!.AsObject();

        foreach (var route in ApiRoutes.All)
        {
            var operation = Operation(paths, route);
            Assert.Equal(route.Name, (string?)operation["operationId"]);
            var documented = Parameters(operation, "path");
            var handlerArguments = route.Handler.Method.GetParameters().Where(p => p.ParameterType == typeof(string)).Select(p => p.Name!).ToHashSet();
            Assert.True(handlerArguments.SetEquals(documented), $"{route.Name}: the handler takes [{string.Join(", ", handlerArguments)}], the document says [{string.Join(", ", documented)}]");
        }
        var operations = paths.SelectMany(p => p.Value!.AsObject().Select(m => $"{m.Key.ToUpperInvariant()} {p.Key}")).ToHashSet();
        Assert.True(operations.SetEquals(ApiRoutes.All.Select(r => $"{r.Method} /{ApiRoutes.Prefix}/{r.Template}")), "the document has operations the route table lacks");
    }

    [Fact]
    public async Task Each_handler_reads_exactly_the_query_parameters_and_headers_its_operation_documents_and_answers_a_documented_status()
    {
        var paths = (await DocumentAsync())["paths"]!.AsObject();
        var apiKey = (await host.Services.GetRequiredService<AccountService>().CreateAsync("Route table", Plan.Msp, CancellationToken.None)).ApiKey;
        var mismatches = new List<string>();

        foreach (var route in ApiRoutes.All)
        {
            var operation = Operation(paths, route);
            var query = Parameters(operation, "query");
            var headers = Parameters(operation, "header");
            await using var scope = host.Services.CreateAsyncScope();
            var request = new RecordingRequest(scope.ServiceProvider, ExampleQuery(operation));
            request.Context.Request.Method = route.Method;
            request.Context.Request.Headers.Authorization = $"Bearer {apiKey}";
            foreach (var header in headers) request.Context.Request.Headers[header] = Example(operation, header);
            SetExampleBody(request.Context.Request, operation);

            var arguments = route.Handler.Method.GetParameters()
                .Select(p => p.ParameterType == typeof(HttpRequest) ? request.Context.Request : (object)PathParameters.All[p.Name!].Example)
                .ToArray();
            var result = await (Task<IResult>)route.Handler.DynamicInvoke(arguments)!;
            // What the handler read; writing the result reads more (Accept, a file's conditional headers), but that is the framework's.
            var readQuery = request.ReadQuery.ToHashSet();
            var readHeaders = request.ReadHeaders.Where(h => !TransportHeaders.Contains(h)).ToHashSet(StringComparer.OrdinalIgnoreCase);
            await result.ExecuteAsync(request.Context);

            if (!readQuery.SetEquals(query))
                mismatches.Add($"{route.Name} reads query [{string.Join(", ", readQuery)}], documents [{string.Join(", ", query)}]");
            if (!readHeaders.SetEquals(headers))
                mismatches.Add($"{route.Name} reads headers [{string.Join(", ", readHeaders)}], documents [{string.Join(", ", headers)}]");
            var status = request.Context.Response.StatusCode.ToString();
            if (operation["responses"]![status] is null)
                mismatches.Add($"{route.Name} answered {status}, which it does not document");
        }

        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
    }

    private static JsonObject Operation(JsonObject paths, ApiRoute route) =>
        paths[$"/{ApiRoutes.Prefix}/{route.Template}"]?[route.Method.ToLowerInvariant()]?.AsObject()
        ?? throw new Xunit.Sdk.XunitException($"{route.Method} {route.Template} is not documented");

    private static HashSet<string> Parameters(JsonObject operation, string location) =>
        (operation["parameters"]?.AsArray() ?? []).Where(p => (string?)p!["in"] == location).Select(p => (string)p!["name"]!).ToHashSet(StringComparer.OrdinalIgnoreCase);

    private static Dictionary<string, StringValues> ExampleQuery(JsonObject operation) =>
        (operation["parameters"]?.AsArray() ?? []).Where(p => (string?)p!["in"] == "query")
            .ToDictionary(p => (string)p!["name"]!, p => new StringValues(Text(p!["example"]!)));

    private static string Example(JsonObject operation, string name) =>
        Text(operation["parameters"]!.AsArray().First(p => (string?)p!["name"] == name)!["example"]!);

    private static string Text(JsonNode value) => value.GetValueKind() == System.Text.Json.JsonValueKind.String ? (string)value! : value.ToJsonString();

    private static void SetExampleBody(HttpRequest request, JsonObject operation)
    {
        var content = operation["requestBody"]?["content"]?.AsObject();
        if (content is null) return;
        if (content["application/json"]?["example"] is { } example)
        {
            var bytes = Encoding.UTF8.GetBytes(example.ToJsonString());
            request.ContentType = "application/json";
            request.Body = new MemoryStream(bytes);
            request.ContentLength = bytes.Length;
        }
        else
        {
            request.ContentType = TemplateFiles.ContentType;
            request.Body = new MemoryStream("PK not really a workbook"u8.ToArray());
        }
    }
}
