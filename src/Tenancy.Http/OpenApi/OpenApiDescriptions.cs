using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Tenancy.Core.Imports;
using Tenancy.Http.Problems;

namespace Tenancy.Http.OpenApi;

/// <summary>Endpoint metadata that <see cref="OperationConventions"/> turns into the operation's OpenAPI description.</summary>
public sealed record JsonBodyMetadata(Type BodyType);

public sealed record QueryParametersMetadata(IReadOnlyList<QueryParameter> Parameters);

/// <summary>The operation reads <c>If-Match</c> and answers 412 when it is stale.</summary>
public sealed record IfMatchMetadata;

/// <summary>The operation reads <c>Edit-Session</c>: the saves of one edit session make one audit entry.</summary>
public sealed record EditSessionMetadata
{
    public const string Header = "Edit-Session";
}

/// <summary>The operation's success answers carry the tenant's <c>ETag</c>.</summary>
public sealed record ETagMetadata;

/// <summary>The answer with this status carries a <c>Location</c> header.</summary>
public sealed record LocationMetadata(int Status, string Example);

/// <summary>The 200 answer is a spreadsheet download with <c>Content-Disposition</c>.</summary>
public sealed record FileMetadata(string Description, string FileNameExample);

/// <summary>The request body is a spreadsheet, raw or as a one-file multipart form.</summary>
public sealed record SpreadsheetUploadMetadata;

/// <summary>The kinds of 409 this operation answers, first the one its example shows.</summary>
public sealed record ConflictKindsMetadata(IReadOnlyList<string> Kinds);

/// <summary>The operation the route does, as the authorisation rule sees it: the document names the roles allowed.</summary>
public sealed record RolesMetadata(Tenancy.Core.Access.Operation Operation);

/// <summary>The 200 answer is, on a flag of the request, this other shape (oneOf in the document).</summary>
public sealed record AlternativeAnswerMetadata(Type Type);
/// <summary>The operation needs an agent's signed request (<see cref="Tenancy.Core.Signatures.SensitiveOperation"/>).</summary>
public sealed record SignedMetadata(Tenancy.Core.Signatures.SensitiveOperation Operation);

public static class OpenApiDescriptions
{
    public const string ProblemContentType = "application/problem+json";

    /// <summary>
    /// Documents a JSON request body. Unlike <c>Accepts&lt;T&gt;</c>, this adds no content-type constraint to routing,
    /// so a wrong content type reaches the handler and gets its explained 415 on both hosts.
    /// </summary>
    public static RouteHandlerBuilder JsonBody<T>(this RouteHandlerBuilder builder) =>
        builder.WithMetadata(new JsonBodyMetadata(typeof(T))).Problems(400, 413, 415);

    public static RouteHandlerBuilder Query(this RouteHandlerBuilder builder, params QueryParameter[] parameters) =>
        builder.WithMetadata(new QueryParametersMetadata(parameters)).Problems(400);

    /// <summary>Paging: <c>pageSize</c> and <c>continuationToken</c>.</summary>
    public static RouteHandlerBuilder Paged(this RouteHandlerBuilder builder) =>
        builder.Query(QueryParameters.PageSize, QueryParameters.ContinuationToken);

    public static RouteHandlerBuilder EditSession(this RouteHandlerBuilder builder) => builder.WithMetadata(new EditSessionMetadata());

    public static RouteHandlerBuilder IfMatch(this RouteHandlerBuilder builder) =>
        builder.WithMetadata(new IfMatchMetadata()).Problems(412);

    /// <summary>Who may call the operation (R10): the account key, and the agent roles the rule allows.</summary>
    public static RouteHandlerBuilder Roles(this RouteHandlerBuilder builder, Tenancy.Core.Access.Operation operation) =>
        builder.WithMetadata(new RolesMetadata(operation));

    public static RouteHandlerBuilder Or<T>(this RouteHandlerBuilder builder) => builder.WithMetadata(new AlternativeAnswerMetadata(typeof(T)));
    /// <summary>Whether an agent must sign the request (issue 17); the account key never has to.</summary>
    public static RouteHandlerBuilder Signed(this RouteHandlerBuilder builder, Tenancy.Core.Signatures.SensitiveOperation? operation) =>
        operation is { } sensitive ? builder.WithMetadata(new SignedMetadata(sensitive)) : builder;

    public static RouteHandlerBuilder ETag(this RouteHandlerBuilder builder) => builder.WithMetadata(new ETagMetadata());

    /// <summary>A 201 (or 202) answer of <typeparamref name="T"/> with a <c>Location</c> header.</summary>
    public static RouteHandlerBuilder Located<T>(this RouteHandlerBuilder builder, int status, string locationExample) =>
        builder.Produces<T>(status).WithMetadata(new LocationMetadata(status, locationExample));

    public static RouteHandlerBuilder Spreadsheet(this RouteHandlerBuilder builder, string description, string fileNameExample) =>
        builder.Produces(StatusCodes.Status200OK, contentType: TemplateFiles.ContentType).WithMetadata(new FileMetadata(description, fileNameExample));

    public static RouteHandlerBuilder SpreadsheetUpload(this RouteHandlerBuilder builder) =>
        builder.WithMetadata(new SpreadsheetUploadMetadata()).Problems(400, 413, 415);

    /// <summary>409 answers of these kinds (urn:tenancy:problem:{kind}).</summary>
    public static RouteHandlerBuilder Conflicts(this RouteHandlerBuilder builder, params string[] kinds) =>
        builder.WithMetadata(new ConflictKindsMetadata(kinds)).Problems(409);

    /// <summary>Problem answers (application/problem+json) with these statuses, each with its schema.</summary>
    public static RouteHandlerBuilder Problems(this RouteHandlerBuilder builder, params int[] statuses)
    {
        builder.Add(endpoint =>
        {
            foreach (var status in statuses)
                if (!endpoint.Metadata.OfType<IProducesResponseTypeMetadata>().Any(m => m.StatusCode == status))
                    endpoint.Metadata.Add(new ProducesResponseTypeMetadata(status, SchemaOf(status), [ProblemContentType]));
        });
        return builder;
    }

    /// <summary>
    /// What every handler can answer, since each runs in <c>ApiEndpoint.RunAsync</c>: a malformed path (400), no valid
    /// key (401), no plan (403), over the key's rate limit (429), a bug (500), storage away (503).
    /// </summary>
    public static RouteHandlerBuilder CommonProblems(this RouteHandlerBuilder builder) => builder.Problems(400, 401, 403, 429, 500, 503);

    private static Type SchemaOf(int status) => status switch
    {
        400 => typeof(ValidationProblem),
        409 => typeof(ConflictProblem),
        _ => typeof(Problem),
    };
}
