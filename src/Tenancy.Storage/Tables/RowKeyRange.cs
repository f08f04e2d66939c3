namespace Tenancy.Storage.Tables;

/// <summary>The row keys from <see cref="From"/> (inclusive) to <see cref="To"/>, inclusive or not.</summary>
public sealed record RowKeyRange(string From, string To, bool ToInclusive)
{
    /// <summary>
    /// The Table service refuses a <c>$filter</c> with more than 15 comparisons (Azurite does not): the partition, the
    /// bounds of the whole query and two a range leave room for six ranges.
    /// </summary>
    public const int MaxPerQuery = 6;

    public static RowKeyRange Prefix(string prefix) => new(prefix, RowKeys.UpperBound(prefix), ToInclusive: false);

    public static RowKeyRange Between(string first, string last) => new(first, last, ToInclusive: true);

    public bool Contains(string rowKey) =>
        string.CompareOrdinal(rowKey, From) >= 0 && (ToInclusive ? string.CompareOrdinal(rowKey, To) <= 0 : string.CompareOrdinal(rowKey, To) < 0);

    /// <summary>
    /// Filters that read the rows of these ranges within one partition, <see cref="MaxPerQuery"/> ranges a filter, ranges
    /// that lie close in key order together. Each filter is bounded by its first and last key, so that the service reads
    /// only what lies between them, never the whole partition, as an <c>or</c> alone would make it.
    /// </summary>
    public static IReadOnlyList<string> Filters(string partitionKey, IEnumerable<RowKeyRange> ranges)
    {
        var partition = $"PartitionKey eq '{RowKeys.Quote(partitionKey)}'";
        return ranges.Distinct().OrderBy(r => r.From, StringComparer.Ordinal).Chunk(MaxPerQuery).Select(group =>
        {
            if (group.Length == 1) return $"{partition} and {group[0].Condition()}";
            var last = group.MaxBy(r => r.To, StringComparer.Ordinal)!;
            var bounds = new RowKeyRange(group[0].From, last.To, group.Where(r => r.To == last.To).Any(r => r.ToInclusive));
            return $"{partition} and {bounds.Condition()} and ({string.Join(" or ", group.Select(r => $"({r.Condition()})"))})";
        }).ToList();
    }

    private string Condition() =>
        $"RowKey ge '{RowKeys.Quote(From)}' and RowKey {(ToInclusive ? "le" : "lt")} '{RowKeys.Quote(To)}'";
}
