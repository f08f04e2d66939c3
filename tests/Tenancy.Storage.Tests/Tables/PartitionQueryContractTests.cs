using Azure.Data.Tables;
using Tenancy.Storage.Tables;
using Tenancy.TestSupport;

namespace Tenancy.Storage.Tests.Tables;

/// <summary>
/// The local store's Azurite is patched so that a query of one partition starts from its PartitionKey index, or from
/// its RowKey index when the query's key range holds fewer entities (patches/, docs/decisions/0006-local-store-on-azurite.md). Whatever the filter, a query must return exactly the rows
/// the filter selects, in key order, page after page: each case below states the filter and, beside it, which rows it
/// selects, over several partitions whose keys include the awkward ones (quotes, numeric-looking keys that the index
/// compares as numbers, the empty key, non-ASCII). Each partition also holds padding rows, so that a narrow key range
/// holds fewer entities than a partition and starts from the RowKey index, and a wide one from the PartitionKey index.
/// </summary>
[Collection(AzuriteCollection.Name)]
public class PartitionQueryContractTests(AzuriteFixture azurite)
{
    private static readonly string[] Partitions = ["acc_a", "acc_b", "acc_b0", "o'brien", "1", "01", "1e1", "10", "é"];

    private static readonly string[] RowKeysOfEach =
    [
        "", "1", "01", "10", "1e5", "A|x", "G|g1", "G|g2", "G|g3", "Infinity", "I|1", "I|2", "N|alpha|t1", "N|beta|t2", "N|beta|t3",
        "N|o'brien|t4", "T|t1|", "T|t1|C|c1", "T|t1|C|c2", "T|t10|", "T|t2|", "T|t2|C|c1", "V|i1|errors|00001", "V|i1|errors|00002", "Z|é",
        .. Enumerable.Range(0, 60).Select(i => $"P|{i:D2}"),
    ];

    private static IEnumerable<(string Filter, Func<Row, bool> Selects)> Cases()
    {
        foreach (var p in Partitions)
        {
            yield return ($"PartitionKey eq '{RowKeys.Quote(p)}'", r => r.P == p);
            foreach (var prefix in new[] { "T|t1|", "N|", "N|beta|", "G|", "V|i1|errors|", "1", "I|", "P|", "P|1" })
                yield return (RowKeys.PrefixFilter(p, prefix), r => r.P == p && r.K.StartsWith(prefix, StringComparison.Ordinal));
        }
        yield return (RowKeys.PrefixFilter("acc_a", "G|") + " and Deleting eq false", r => r.P == "acc_a" && r.K.StartsWith("G|") && !r.Deleting);
        yield return (RowKeys.PrefixFilter("acc_b", "G|") + " and Deleting eq false and TenantId eq ''",
            r => r.P == "acc_b" && r.K.StartsWith("G|") && !r.Deleting && r.TenantId == "");
        yield return ("PartitionKey eq 'acc_a' and RowKey gt 'N|alpha|t1' and RowKey lt 'T|t2|'",
            r => r.P == "acc_a" && Ordinal(r.K, "N|alpha|t1") > 0 && Ordinal(r.K, "T|t2|") < 0);
        yield return ("PartitionKey eq '10' and RowKey ge 'V|i1|errors|00002' and RowKey le 'Z|é'",
            r => r.P == "10" && Ordinal(r.K, "V|i1|errors|00002") >= 0 && Ordinal(r.K, "Z|é") <= 0);
        yield return ("PartitionKey eq '01' and RowKey eq '1'", r => r.P == "01" && r.K == "1");
        yield return ("PartitionKey eq '1' and RowKey ge '01' and RowKey lt '1e5'", r => r.P == "1" && Ordinal(r.K, "01") >= 0 && Ordinal(r.K, "1e5") < 0);
        yield return ("RowKey eq 'G|g2' and PartitionKey eq 'acc_b0'", r => r.P == "acc_b0" && r.K == "G|g2");
        yield return ("'acc_a' eq PartitionKey and 'T|t2|' le RowKey", r => r.P == "acc_a" && Ordinal(r.K, "T|t2|") >= 0);
        yield return ("PartitionKey eq 'acc_a' and PartitionKey eq 'acc_b'", _ => false);
        yield return ("PartitionKey eq 'acc_a' or PartitionKey eq 'acc_b'", r => r.P is "acc_a" or "acc_b");
        yield return ("(PartitionKey eq 'acc_a' and RowKey eq 'G|g1') or (PartitionKey eq '1e1' and RowKey ge 'T|')",
            r => (r.P == "acc_a" && r.K == "G|g1") || (r.P == "1e1" && Ordinal(r.K, "T|") >= 0));
        yield return ("not (PartitionKey eq 'acc_a') and RowKey eq 'G|g3'", r => r.P != "acc_a" && r.K == "G|g3");
        yield return ("PartitionKey ne 'acc_a' and RowKey ge 'T|t2|' and RowKey lt 'T|t3'", r => r.P != "acc_a" && r.K.StartsWith("T|t2|"));
        yield return ("RowKey ge 'N|' and RowKey lt 'N}'", r => r.K.StartsWith("N|"));
        yield return ("PartitionKey ge 'acc_b' and PartitionKey lt 'acc_c' and RowKey eq 'A|x'", r => r.P is "acc_b" or "acc_b0" && r.K == "A|x");
        yield return ("TenantId eq 't1'", r => r.TenantId == "t1");
        foreach (var filter in RowKeyRange.Filters("o'brien", [RowKeyRange.Prefix("T|t1|"), RowKeyRange.Between("G|g1", "G|g2"), RowKeyRange.Prefix("Z|")]))
            yield return (filter, r => r.P == "o'brien" && (r.K.StartsWith("T|t1|") || (Ordinal(r.K, "G|g1") >= 0 && Ordinal(r.K, "G|g2") <= 0) || r.K.StartsWith("Z|")));
        yield return ("PartitionKey eq 'nobody'", _ => false);
        yield return ("PartitionKey eq 'nobody' and RowKey ge 'T|' and RowKey lt 'T}'", _ => false);
        yield return ("PartitionKey eq 'acc_a' and RowKey ge 'T|t1|' and RowKey lt 'T|t2|' and RowKey ge 'T|t1|C'",
            r => r.P == "acc_a" && Ordinal(r.K, "T|t1|C") >= 0 && Ordinal(r.K, "T|t2|") < 0);
        yield return ("PartitionKey eq 'acc_b' and RowKey gt 'A|x' and RowKey le 'G|g2'", r => r.P == "acc_b" && Ordinal(r.K, "A|x") > 0 && Ordinal(r.K, "G|g2") <= 0);
        yield return ("PartitionKey eq 'acc_b' and RowKey ge 'Ha' and RowKey lt 'Hz'", _ => false);
        yield return ("PartitionKey eq '10' and RowKey ge 'I' and RowKey le 'Iz'", r => r.P == "10" && Ordinal(r.K, "I") >= 0 && Ordinal(r.K, "Iz") <= 0);
    }

    [Fact]
    public async Task Every_filter_shape_returns_exactly_the_rows_it_selects_in_key_order_across_pages()
    {
        var table = new TableServiceClient(azurite.ConnectionString).GetTableClient("contract" + Guid.NewGuid().ToString("N")[..12]);
        await table.CreateAsync();
        var rows = await FillAsync(table);

        var mismatches = new List<string>();
        foreach (var (filter, selects) in Cases())
        {
            var expected = rows.Where(selects).Select(r => $"{r.P}/{r.K}").ToList();
            foreach (var pageSize in new[] { 1000, 3 })
            {
                var returned = new List<string>();
                await foreach (var row in table.QueryAsync<TableEntity>(filter, maxPerPage: pageSize))
                    returned.Add($"{row.PartitionKey}/{row.RowKey}");
                if (!returned.SequenceEqual(expected))
                    mismatches.Add($"{filter} (pages of {pageSize}): expected [{string.Join(", ", expected)}], got [{string.Join(", ", returned)}]");
            }
        }

        Assert.Empty(mismatches);
    }

    private static async Task<List<Row>> FillAsync(TableClient table)
    {
        var rows = new List<Row>();
        foreach (var p in Partitions)
        {
            var actions = new List<TableTransactionAction>();
            for (var i = 0; i < RowKeysOfEach.Length; i++)
            {
                var row = new Row(p, RowKeysOfEach[i], Deleting: i % 3 == 0, TenantId: i % 4 == 0 ? "" : $"t{i % 5}");
                rows.Add(row);
                actions.Add(new(TableTransactionActionType.Add,
                    new TableEntity(row.P, row.K) { ["Deleting"] = row.Deleting, ["TenantId"] = row.TenantId }));
            }
            await table.SubmitTransactionAsync(actions);
        }
        return rows.OrderBy(r => r.P, StringComparer.Ordinal).ThenBy(r => r.K, StringComparer.Ordinal).ToList();
    }

    private static int Ordinal(string a, string b) => string.CompareOrdinal(a, b);

    private sealed record Row(string P, string K, bool Deleting, string TenantId);
}
