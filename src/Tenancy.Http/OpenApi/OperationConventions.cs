using System.ComponentModel;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Tenancy.Core.Imports;

namespace Tenancy.Http.OpenApi;

/// <summary>
/// Turns the metadata the route table attaches (<see cref="OpenApiDescriptions"/>) into parameters, headers, bodies,
/// descriptions and examples, the same way for every operation.
/// </summary>
public sealed class OperationConventions : IOpenApiOperationTransformer
{
    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        DescribePathParameters(operation);
        if (metadata.OfType<RolesMetadata>().FirstOrDefault() is { } roles)
        {
            operation.Description = (operation.Description is { Length: > 0 } d ? d + " " : "") + RolesText(roles.Operation);
            (operation.Parameters ??= []).Add(AcceptLanguageParameter());
        }
        if (metadata.OfType<SignedMetadata>().FirstOrDefault() is { } signed)
            operation.Description += " " + SignedText(signed.Operation);
        foreach (var query in metadata.OfType<QueryParametersMetadata>().SelectMany(m => m.Parameters))
            (operation.Parameters ??= []).Add(QueryParameterOf(query));
        if (metadata.OfType<IfMatchMetadata>().Any())
            (operation.Parameters ??= []).Add(IfMatchParameter());
        if (metadata.OfType<EditSessionMetadata>().Any())
            (operation.Parameters ??= []).Add(EditSessionParameter());

        if (metadata.OfType<JsonBodyMetadata>().FirstOrDefault() is { } body)
            operation.RequestBody = await JsonBodyAsync(body.BodyType, context, cancellationToken);
        if (metadata.OfType<SpreadsheetUploadMetadata>().Any())
            operation.RequestBody = SpreadsheetUpload();

        var responseTypes = context.Description.SupportedResponseTypes.ToDictionary(r => r.StatusCode, r => r.Type);
        var conflictKinds = metadata.OfType<ConflictKindsMetadata>().FirstOrDefault()?.Kinds ?? ["concurrent-change"];
        foreach (var (code, response) in operation.Responses ?? [])
        {
            if (response is not OpenApiResponse concrete) continue;
            var status = int.Parse(code);
            if (concrete.Content?.TryGetValue(OpenApiDescriptions.ProblemContentType, out var problem) == true)
            {
                concrete.Description = status == 409 ? ConflictDescription(conflictKinds) : ProblemTypes.Describe(status);
                problem.Example = ApiExamples.Problem(status, conflictKinds[0]);
                if (status == 401)
                    (concrete.Headers ??= new Dictionary<string, IOpenApiHeader>())["WWW-Authenticate"] = Header("The scheme to authenticate with: Bearer.", JsonValue.Create("Bearer"));
                if (status == 429)
                    (concrete.Headers ??= new Dictionary<string, IOpenApiHeader>())["Retry-After"] = Header("Seconds to wait before the next request.", JsonValue.Create("1"));
                continue;
            }
            DescribeSuccess(concrete, status, responseTypes.GetValueOrDefault(status), metadata);
            if (status == 200 && metadata.OfType<AlternativeAnswerMetadata>().FirstOrDefault() is { } alternative
                && concrete.Content?.TryGetValue("application/json", out var answer) == true && answer.Schema is { } usual)
                answer.Schema = new OpenApiSchema { OneOf = [usual, await ComponentAsync(alternative.Type, context, cancellationToken)] };
        }
    }

    /// <summary>The roles sentence of every operation's description (R10), from the one rule.</summary>
    public static string RolesText(Tenancy.Core.Access.Operation operation) =>
        "Roles: account key, " + string.Join(", ", Tenancy.Core.Access.AccessRule.RolesFor(operation).Select(Tenancy.Core.Access.AgentRoles.Name))
        + "; any other role gets 403 urn:tenancy:problem:forbidden.";

    /// <summary>The signature sentence of a sensitive operation, from the one list (<see cref="Tenancy.Core.Signatures.SensitiveOperations"/>).</summary>
    public static string SignedText(Tenancy.Core.Signatures.SensitiveOperation operation) =>
        $"Sensitive ({Tenancy.Core.Signatures.SensitiveOperations.Descriptions[operation]}): an agent must sign the request with an approved signing key "
        + "(RFC 9421: Signature-Input, Signature and, with a body, Content-Digest; see docs/signing-keys.md in the repository), otherwise 403 "
        + "urn:tenancy:problem:signature-required; the account key needs no signature.";

    private static void DescribePathParameters(OpenApiOperation operation)
    {
        foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
        {
            if (parameter.In != ParameterLocation.Path || !PathParameters.All.TryGetValue(parameter.Name!, out var described)) continue;
            parameter.Description = described.Description;
            parameter.Example = described.Example;
        }
    }

    private static OpenApiParameter QueryParameterOf(QueryParameter query) => new()
    {
        Name = query.Name,
        In = ParameterLocation.Query,
        Required = query.Required,
        Description = query.Description,
        Schema = query.Schema(),
        Example = query.Example.DeepClone(),
    };

    private static OpenApiParameter AcceptLanguageParameter() => new()
    {
        Name = "Accept-Language",
        In = ParameterLocation.Header,
        Description = "The language of the answer's words for people: en (the default) or fr, by weight (fr-CA reads as fr; others as en). " +
                      "It applies to a problem's title, detail and errors, to import row errors and warnings with their column names, and " +
                      "to the error report when lang is left out. Codes (type, status, field names, actions) never change; the answer says " +
                      "its language in Content-Language. A sentence without a French version stays English.",
        Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 256 },
        Example = "fr-FR, fr;q=0.9, en;q=0.5",
    };

    private static OpenApiParameter EditSessionParameter() => new()
    {
        Name = EditSessionMetadata.Header,
        In = ParameterLocation.Header,
        Description = "An id the caller makes for one editing session (the console: from the first keystroke in a field until the field is left). " +
                      "Successive saves of one session by one caller, with no other change to the tenant between them, are one tenant.updated " +
                      "audit entry: its before is the tenant before the first save, its after the tenant after the last. Left out, each change is an entry of its own.",
        Schema = new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 3, MaxLength = 64, Pattern = "^[A-Za-z0-9_-]{3,64}$" },
        Example = "edit_5f0c2a7be1d94f3c8a51f0e2b7c9d431",
    };

    private static OpenApiParameter IfMatchParameter() => new()
    {
        Name = "If-Match",
        In = ParameterLocation.Header,
        Description = "The ETag of the tenant as you last read it: the change is made only if nobody changed the tenant since (otherwise 412). Leave it out to change it whatever its state.",
        Schema = new OpenApiSchema { Type = JsonSchemaType.String },
        Example = ApiExamples.ETag,
    };

    private static async Task<OpenApiRequestBody> JsonBodyAsync(Type type, OpenApiOperationTransformerContext context, CancellationToken cancellationToken) => new()
    {
        Required = true,
        Description = type.GetCustomAttribute<DescriptionAttribute>()?.Description,
        Content = new Dictionary<string, OpenApiMediaType>
        {
            ["application/json"] = new()
            {
                Schema = await ComponentAsync(type, context, cancellationToken),
                Example = ApiExamples.For(type),
            },
        },
    };

    /// <summary>
    /// A request body's schema as a named component (clients name their classes after it), and so the bodies it
    /// nests: the generator would inline them, since no answer refers to them.
    /// </summary>
    private static async Task<IOpenApiSchema> ComponentAsync(Type type, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var document = context.Document!;
        if (document.Components?.Schemas?.ContainsKey(type.Name) != true)
        {
            var schema = await context.GetOrCreateSchemaAsync(type, null, cancellationToken);
            foreach (var property in type.GetProperties())
            {
                var element = property.PropertyType.IsGenericType ? property.PropertyType.GetGenericArguments()[0] : property.PropertyType;
                if (!ContractSchemas.IsRequestBody(element) || element == type) continue;
                var name = JsonNamingPolicy.CamelCase.ConvertName(property.Name);
                if (schema.Properties?[name] is OpenApiSchema { Items: not null } list)
                    list.Items = await ComponentAsync(element, context, cancellationToken);
            }
            document.AddComponent(type.Name, schema);
        }
        return new OpenApiSchemaReference(type.Name, document);
    }

    private static OpenApiRequestBody SpreadsheetUpload() => new()
    {
        Required = true,
        Description = $"The filled template: the raw workbook ({TemplateFiles.ContentType}, or application/octet-stream), " +
                      "or a multipart/form-data form with exactly one file.",
        Content = new Dictionary<string, OpenApiMediaType>
        {
            [TemplateFiles.ContentType] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary", ContentMediaType = TemplateFiles.ContentType } },
            ["multipart/form-data"] = new()
            {
                Schema = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Required = new HashSet<string> { "file" },
                    Properties = new Dictionary<string, IOpenApiSchema>
                    {
                        ["file"] = new OpenApiSchema
                        {
                            Type = JsonSchemaType.String, Format = "binary", ContentMediaType = TemplateFiles.ContentType,
                            Description = "The workbook; its file name names the job.",
                        },
                    },
                },
                Encoding = new Dictionary<string, OpenApiEncoding> { ["file"] = new() { ContentType = TemplateFiles.ContentType } },
            },
        },
    };

    private static string ConflictDescription(IReadOnlyList<string> kinds) =>
        "Conflict, nothing changed: " + string.Join(", ", kinds.Select(k => k switch
        {
            "tenant-name-taken" => "tenant-name-taken (another tenant has the name: tenantId and tenantName say which)",
            "domain-taken" => "domain-taken (another tenant owns the domain: tenantId, tenantName and domain say which)",
            "device-group-owned-elsewhere" => "device-group-owned-elsewhere (conflicts lists the groups and their tenants; send confirmReassign: true to move them)",
            "last-contact" => "last-contact (a tenant keeps at least one contact)",
            "primary-contact-required" => "primary-contact-required (make another contact primary instead)",
            "import-failed" => "import-failed (the file was refused as a whole: read the job's failure)",
            "primary-contact" => "primary-contact (the address is a tenant's primary or only contact: tenantId and tenantName say which; make another contact primary first)",
            "agent-has-address" => "agent-has-address (an agent has the address: delete the agent first)",
            "import-not-finished" => "import-not-finished (the import is still running: wait until it has finished)",
            "concurrent-change" => "concurrent-change (too many simultaneous changes: try again)",
            _ => k,
        })) + ".";

    private static void DescribeSuccess(OpenApiResponse response, int status, Type? type, IList<object> metadata)
    {
        response.Description = status == StatusCodes.Status204NoContent ? "Done; no content."
            : type?.GetCustomAttribute<DescriptionAttribute>()?.Description ?? response.Description;
        if (type is not null && response.Content?.TryGetValue("application/json", out var json) == true)
            json.Example = ApiExamples.For(type);

        var headers = new Dictionary<string, IOpenApiHeader>();
        if (metadata.OfType<ETagMetadata>().Any())
            headers["ETag"] = Header("The tenant's version after this call; send it as If-Match to change the tenant only if nobody else did.", ApiExamples.ETag);
        if (metadata.OfType<LocationMetadata>().FirstOrDefault(l => l.Status == status) is { } location)
            headers["Location"] = Header("Where the created resource (or the queued job) can be read.", location.Example);
        if (status == StatusCodes.Status200OK && metadata.OfType<FileMetadata>().FirstOrDefault() is { } file)
        {
            response.Description = file.Description;
            headers["Content-Disposition"] = Header("attachment, with the file's name.", $"attachment; filename={file.FileNameExample}; filename*=UTF-8''{file.FileNameExample}");
            response.Content = new Dictionary<string, OpenApiMediaType>
            {
                [TemplateFiles.ContentType] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary", ContentMediaType = TemplateFiles.ContentType } },
            };
        }
        if (headers.Count > 0) response.Headers = headers;
    }

    private static OpenApiHeader Header(string description, JsonNode example) => new()
    {
        Description = description,
        Schema = new OpenApiSchema { Type = JsonSchemaType.String },
        Example = example,
    };
}
