namespace Tenancy.Core.Common;

/// <summary>A failure the caller caused and can fix; each kind maps to one HTTP status and problem type.</summary>
public abstract class TenancyException(string message) : Exception(message);

public sealed class ValidationException(IReadOnlyDictionary<string, string[]> errors)
    : TenancyException("The request is not valid.")
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;

    public static ValidationException For(string field, string message) =>
        new(new Dictionary<string, string[]> { [field] = [message] });
}

public sealed class NotFoundException(string message) : TenancyException(message);

/// <summary>The request clashes with existing data; <see cref="Details"/> names what it clashes with.</summary>
public sealed class ConflictException(string message, string kind, IReadOnlyDictionary<string, object?>? details = null)
    : TenancyException(message)
{
    public string Kind { get; } = kind;
    public IReadOnlyDictionary<string, object?> Details { get; } = details ?? new Dictionary<string, object?>();
}

/// <summary>The caller's <c>If-Match</c> no longer matches what is stored.</summary>
public sealed class PreconditionFailedException(string message) : TenancyException(message);

public sealed class PlanRequiredException(string message) : TenancyException(message);

/// <summary>The caller's role may not do this operation (R10): <c>403 urn:tenancy:problem:forbidden</c>.</summary>
public sealed class ForbiddenException(string message) : TenancyException(message);

/// <summary>Another writer changed the data between our read and our write; the write can be retried.</summary>
public sealed class ConcurrencyException(string message) : Exception(message);
