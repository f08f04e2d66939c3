namespace Tenancy.Http.Problems;

/// <summary>A request the HTTP layer refuses before any rule runs (wrong media type, body too large, bad query).</summary>
public sealed class HttpProblemException(int status, string type, string title, string detail) : Exception(detail)
{
    public int Status { get; } = status;
    public string Type { get; } = type;
    public string Title { get; } = title;
}
