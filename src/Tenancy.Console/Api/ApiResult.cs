namespace Tenancy.WebConsole.Api;

/// <summary>What an API call gave: a value, or the problem the API answered.</summary>
public sealed record ApiResult<T>(T? Value, ApiProblem? Problem, string? ETag = null)
{
    public bool Ok => Problem is null;

    public static ApiResult<T> Success(T? value, string? etag = null) => new(value, null, etag);

    public static ApiResult<T> Failure(ApiProblem problem) => new(default, problem);
}
