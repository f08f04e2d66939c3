using Azure.Data.Tables;
using Tenancy.Core.Common;

namespace Tenancy.Storage.Tables;

/// <summary>Reads one page of a query, with the table's continuation token wrapped for callers.</summary>
public static class TablePages
{
    public static async Task<ResultPage<T>> ReadAsync<T>(TableClient table, string filter, PageRequest page, Func<TableEntity, T> read, CancellationToken cancellationToken)
    {
        await foreach (var tablePage in table.QueryAsync<TableEntity>(filter, page.PageSize, cancellationToken: cancellationToken)
                           .AsPages(ContinuationTokens.Unwrap(page.ContinuationToken), page.PageSize))
            return new ResultPage<T>(tablePage.Values.Select(read).ToList(), ContinuationTokens.Wrap(tablePage.ContinuationToken));
        return new ResultPage<T>([], null);
    }
}
