using Microsoft.AspNetCore.Http;
using Tenancy.Core.Common;

namespace Tenancy.Http.Problems;

/// <summary>The one factory of <c>application/problem+json</c> answers (RFC 9457).</summary>
public static class ProblemResults
{
    public const string TypePrefix = "urn:tenancy:problem:";

    public static IResult Validation(IReadOnlyDictionary<string, string[]> errors, string? detail = null) =>
        Results.ValidationProblem(errors.ToDictionary(e => e.Key, e => e.Value),
            detail: detail ?? Summarize(errors), statusCode: StatusCodes.Status400BadRequest,
            title: "The request is not valid.", type: TypePrefix + "validation");

    public static IResult Unauthorized(string detail) =>
        Problem(StatusCodes.Status401Unauthorized, "unauthorized", "Authentication is required.", detail);

    public static IResult From(TenancyException exception) => exception switch
    {
        ValidationException v => Validation(v.Errors),
        NotFoundException => Problem(StatusCodes.Status404NotFound, "not-found", "Not found.", exception.Message),
        ConflictException c => Problem(StatusCodes.Status409Conflict, c.Kind, "Conflict.", c.Message, c.Details),
        PreconditionFailedException => Problem(StatusCodes.Status412PreconditionFailed, "stale-etag",
            "The resource has changed.", exception.Message),
        PlanRequiredException => Problem(StatusCodes.Status403Forbidden, "msp-plan-required",
            "The MSP plan is required.", exception.Message),
        Core.Signatures.SignatureRequiredException => Problem(StatusCodes.Status403Forbidden, "signature-required",
            "This operation needs a signed request.", exception.Message),
        Core.Signatures.InvalidSigningKeyException => Problem(StatusCodes.Status400BadRequest, "bad-request", "Bad request.", exception.Message),
        ForbiddenException => Problem(StatusCodes.Status403Forbidden, "forbidden",
            "This operation is not allowed.", exception.Message),
        _ => Problem(StatusCodes.Status400BadRequest, "bad-request", "Bad request.", exception.Message),
    };

    public static IResult From(HttpProblemException exception) =>
        Problem(exception.Status, exception.Type, exception.Title, exception.Message);

    public static IResult Problem(int status, string type, string title, string detail,
        IReadOnlyDictionary<string, object?>? extensions = null) =>
        Results.Problem(detail: detail, statusCode: status, title: title, type: TypePrefix + type,
            extensions: extensions?.ToDictionary(e => e.Key, e => e.Value));

    private static string Summarize(IReadOnlyDictionary<string, string[]> errors) =>
        string.Join(" ", errors.SelectMany(e => e.Value.Select(m => e.Key.Length == 0 ? m : $"{e.Key}: {m}")));
}
