using System.Text.RegularExpressions;
using Tenancy.Storage.Tables;

namespace Tenancy.Storage.Tests.Tables;

public class RowKeyRangeTests
{
    private static int Comparisons(string filter) => Regex.Matches(filter, @" (eq|ne|gt|ge|lt|le) '").Count;

    [Fact]
    public void Many_ranges_make_filters_the_service_accepts_each_bounded_by_its_first_and_last_key()
    {
        var ranges = Enumerable.Range(0, 32).Select(i => RowKeyRange.Prefix($"E|user{i:D2}@x.com|")).ToList();

        var filters = RowKeyRange.Filters("acc_1", ranges);

        Assert.Equal(6, filters.Count); // 32 ranges, six a filter
        Assert.All(filters, f => Assert.InRange(Comparisons(f), 1, 15));
        Assert.StartsWith("PartitionKey eq 'acc_1' and RowKey ge 'E|user00@x.com|' and RowKey lt 'E|user05@x.com}' and (", filters[0]);
    }

    [Fact]
    public void One_range_is_one_plain_range_query() =>
        Assert.Equal("PartitionKey eq 'o''brien' and RowKey ge 'D|com.a' and RowKey le 'D|com.a.eu'",
            Assert.Single(RowKeyRange.Filters("o'brien", [RowKeyRange.Between("D|com.a", "D|com.a.eu"), RowKeyRange.Between("D|com.a", "D|com.a.eu")])));
}
