namespace Tenancy.Core.Common;

public sealed record Page<T>(IReadOnlyList<T> Items, string? ContinuationToken);

public sealed record PageRequest(int PageSize, string? ContinuationToken)
{
    public const int DefaultSize = 50;
    public const int MaxSize = 200;
}
