namespace Tenancy.Core.Common;

public sealed record ResultPage<T>(IReadOnlyList<T> Items, string? ContinuationToken);

public sealed record PageRequest(int PageSize, string? ContinuationToken)
{
    public const int DefaultSize = 50;
    public const int MaxSize = 200;

    /// <summary>Every item of a paged read, page after page at the largest size, until there is no continuation.</summary>
    public static async Task<List<T>> ReadAllAsync<T>(Func<PageRequest, Task<ResultPage<T>>> readPage)
    {
        var items = new List<T>();
        string? token = null;
        do
        {
            var page = await readPage(new PageRequest(MaxSize, token));
            items.AddRange(page.Items);
            token = page.ContinuationToken;
        } while (token is not null);
        return items;
    }
}
