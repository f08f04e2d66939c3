using Microsoft.AspNetCore.Http;
using Tenancy.Core.Common;
using Tenancy.Core.Common.Messages;

namespace Tenancy.Http.Problems;

/// <summary>The one factory of <c>application/problem+json</c> answers (RFC 9457), said in the caller's language.</summary>
public static class ProblemResults
{
    public const string TypePrefix = "urn:tenancy:problem:";

    public static IResult Validation(IReadOnlyDictionary<string, string[]> errors, string? detail = null) =>
        new LocalizedProblem(StatusCodes.Status400BadRequest, TypePrefix + "validation", ApiMessages.NotValid.Text(), detail, errors, null);

    public static IResult Unauthorized(string detail) =>
        Problem(StatusCodes.Status401Unauthorized, "unauthorized", ApiMessages.AuthenticationRequired.Text(), detail);

    public static IResult From(TenancyException exception) => exception switch
    {
        ValidationException v => Validation(v.Errors),
        NotFoundException => Problem(StatusCodes.Status404NotFound, "not-found", ApiMessages.NotFound.Text(), exception.Message),
        ConflictException c => Problem(StatusCodes.Status409Conflict, c.Kind, ApiMessages.Conflict.Text(), c.Message, c.Details),
        PreconditionFailedException => Problem(StatusCodes.Status412PreconditionFailed, "stale-etag",
            ApiMessages.ResourceChanged.Text(), exception.Message),
        PlanRequiredException => Problem(StatusCodes.Status403Forbidden, "msp-plan-required",
            ApiMessages.PlanRequired.Text(), exception.Message),
        Core.Signatures.SignatureRequiredException => Problem(StatusCodes.Status403Forbidden, "signature-required",
            ApiMessages.SignatureRequired.Text(), exception.Message),
        Core.Signatures.InvalidSigningKeyException => Problem(StatusCodes.Status400BadRequest, "bad-request", ApiMessages.BadRequest.Text(), exception.Message),
        ForbiddenException => Problem(StatusCodes.Status403Forbidden, "forbidden",
            ApiMessages.NotAllowed.Text(), exception.Message),
        _ => Problem(StatusCodes.Status400BadRequest, "bad-request", ApiMessages.BadRequest.Text(), exception.Message),
    };

    public static IResult From(HttpProblemException exception) =>
        Problem(exception.Status, exception.Type, exception.Title, exception.Message);

    public static IResult Problem(int status, string type, string title, string detail,
        IReadOnlyDictionary<string, object?>? extensions = null) =>
        new LocalizedProblem(status, TypePrefix + type, title, detail, null, extensions);
}
