using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace Tenancy.TestSupport;

/// <summary>
/// The served OpenAPI document as a contract for answers: the operation a request matched, the status, content type,
/// headers and body schema it documents. Schemas are checked with JsonSchema.Net (JSON Schema 2020-12, as OpenAPI 3.1).
/// </summary>
public sealed class OpenApiContract
{
    private const string ComponentsPrefix = "#/components/schemas/";
    private readonly JsonObject _paths;
    private readonly JsonObject _definitions;
    private readonly ConcurrentDictionary<string, JsonSchema> _schemas = new();
    private int _schemaCount;

    public OpenApiContract(string documentJson)
    {
        var document = JsonNode.Parse(documentJson)!.AsObject();
        _paths = document["paths"]!.AsObject();
        _definitions = JsonNode.Parse(document["components"]!["schemas"]!.ToJsonString().Replace(ComponentsPrefix, "#/$defs/", StringComparison.Ordinal))!.AsObject();
    }

    static OpenApiContract()
    {
        // OpenAPI's own formats: numbers' sizes are checked by the type, binary bodies are not JSON.
        foreach (var name in new[] { "int32", "int64", "binary" })
            FormatRegistry.Global.Register(new Format(name));
    }

    /// <summary>What is wrong with an answer, by the document; empty when it conforms or no operation matches.</summary>
    public IReadOnlyList<string> Check(string method, string absolutePath, int status, string? mediaType, IReadOnlyCollection<string> headerNames, byte[] body)
    {
        var (template, operation) = Find(method, absolutePath);
        if (operation is null) return [];
        var where = $"{method} {template} answered {status}";
        var response = operation["responses"]?[status.ToString()] ?? operation["responses"]?["default"];
        if (response is null) return [$"{where}, which the document does not list"];

        var problems = new List<string>();
        foreach (var header in response["headers"]?.AsObject() ?? [])
            if (!headerNames.Contains(header.Key, StringComparer.OrdinalIgnoreCase))
                problems.Add($"{where} without its documented {header.Key} header");

        var content = response["content"]?.AsObject();
        if (content is null)
        {
            if (body.Length > 0) problems.Add($"{where} with a {mediaType} body the document does not describe");
            return problems;
        }
        if (mediaType is null || content[mediaType] is not { } media)
        {
            problems.Add($"{where} as {mediaType ?? "no content"}, the document says {string.Join(" or ", content.Select(c => c.Key))}");
            return problems;
        }
        if (!mediaType.EndsWith("json", StringComparison.Ordinal) || media["schema"] is not { } schema) return problems;

        var results = SchemaFor($"{method} {template} {status} {mediaType}", schema).Evaluate(JsonDocument.Parse(body).RootElement,
            new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        if (!results.IsValid)
            problems.AddRange((results.Details ?? [results]).Where(d => d.Errors is { Count: > 0 }).SelectMany(d => d.Errors!.Select(e =>
                $"{where}: {d.InstanceLocation} {e.Value} (schema {d.EvaluationPath})")).DefaultIfEmpty($"{where}: body does not match its schema"));
        return problems;
    }

    private JsonSchema SchemaFor(string key, JsonNode schema) => _schemas.GetOrAdd(key, _ =>
    {
        var root = JsonNode.Parse(schema.ToJsonString().Replace(ComponentsPrefix, "#/$defs/", StringComparison.Ordinal))!.AsObject();
        root["$schema"] = "https://json-schema.org/draft/2020-12/schema";
        root["$defs"] = _definitions.DeepClone();
        return JsonSchema.FromText(root.ToJsonString(), new BuildOptions { SchemaRegistry = new SchemaRegistry() },
            new Uri($"urn:tenancy:contract:{Interlocked.Increment(ref _schemaCount)}"));
    });

    /// <summary>The operation for a method and path; a literal segment wins over a parameter (tenant-imports/template).</summary>
    private (string? Template, JsonObject? Operation) Find(string method, string absolutePath)
    {
        var segments = absolutePath.TrimEnd('/').Split('/');
        var match = _paths
            .Select(p => (Template: p.Key, Segments: p.Key.Split('/'), Operation: p.Value?[method.ToLowerInvariant()]?.AsObject()))
            .Where(p => p.Operation is not null && p.Segments.Length == segments.Length
                        && p.Segments.Zip(segments).All(s => IsParameter(s.First) ? s.Second.Length > 0 : s.First == s.Second))
            .OrderByDescending(p => p.Segments.Count(s => !IsParameter(s)))
            .FirstOrDefault();
        return (match.Template, match.Operation);
    }

    private static bool IsParameter(string segment) => segment.StartsWith('{');
}

/// <summary>An answer that is not what the OpenAPI document says.</summary>
public sealed class OpenApiContractException(string message) : Exception(message);

/// <summary>Checks every answer a test client receives against the document; a violation fails the request.</summary>
public sealed class ContractCheckingHandler(OpenApiContract contract) : DelegatingHandler(new HttpClientHandler())
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        await response.Content.LoadIntoBufferAsync(cancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        var headers = response.Headers.Select(h => h.Key).Concat(response.Content.Headers.Select(h => h.Key)).ToList();
        var problems = contract.Check(request.Method.Method, request.RequestUri!.AbsolutePath, (int)response.StatusCode,
            response.Content.Headers.ContentType?.MediaType, headers, body);
        if (problems.Count > 0)
            throw new OpenApiContractException("The answer does not match the OpenAPI document:\n" + string.Join("\n", problems));
        return response;
    }
}
