using System.Diagnostics;
using Azure.Data.Tables;
using ClosedXML.Excel;
using Tenancy.Core.Imports;
using Tenancy.Core.Tenants;
using Tenancy.Excel;
using Tenancy.Storage.Tables;
using Tenancy.Storage.Tenants;

namespace Tenancy.Benchmarks;

/// <summary>
/// <c>GET /api/tenants/export</c> of N tenants (2 contacts, 2 domains each) over HTTP, against one raw range query that
/// reads the same rows (the tenants' own range) in the same run; with the process's working set, sampled during the
/// export, and what ClosedXML costs to build the same sheet in memory, for comparison.
/// </summary>
public static class ExportBenchmark
{
    public static async Task RunAsync(IReadOnlyList<int> sizes)
    {
        await using var host = await BenchmarkHost.StartAsync();
        await host.App.StartAsync();
        var store = host.App.Services.GetRequiredService<ITenantStore>();
        var table = host.App.Services.GetRequiredService<TenancyTables>().Tenancy;

        Console.WriteLine("tenant export (2 contacts, 2 domains per tenant), streamed over HTTP");
        Console.WriteLine($"{"tenants",8} {"rows",7} {"export s",9} {"raw s",7} {"ratio",7} {"MiB",6} {"WS before",10} {"WS peak",8} {"ClosedXML s",12} {"CXML peak",10}");
        foreach (var size in sizes)
        {
            var (accountId, client) = await host.AccountAsync();
            for (var start = 0; start < size; start += 500)
            {
                var batch = Enumerable.Range(start, Math.Min(500, size - start))
                    .Select(t => SameRows.Tenant($"Benchmark tenant {t:D6}", 2, [$"bench{t}.com", $"bench{t}.org"])).ToList();
                await store.CreateTogetherAsync(accountId, batch, null, CancellationToken.None);
            }

            var rawWatch = Stopwatch.StartNew();
            var rows = 0;
            await foreach (var _ in table.QueryAsync<TableEntity>(RowKeys.PrefixFilter(accountId, TenantRows.TenantPrefix), maxPerPage: 1000))
                rows++;
            var raw = rawWatch.Elapsed.TotalSeconds;

            var (seconds, bytes, before, peak) = await MeasureAsync(async () =>
            {
                using var response = await client.GetAsync("api/tenants/export", HttpCompletionOption.ResponseHeadersRead);
                response.EnsureSuccessStatusCode();
                var counter = new CountingSink();
                await (await response.Content.ReadAsStreamAsync()).CopyToAsync(counter);
                return counter.Count;
            });
            var (cxSeconds, _, cxBefore, cxPeak) = await MeasureAsync(() => Task.FromResult(ClosedXmlSheet(size)));

            Console.WriteLine($"{size,8} {rows,7} {seconds,9:F2} {raw,7:F2} {seconds / raw,7:F1} {bytes / 1048576.0,6:F1} {before,10:F0} {peak,8:F0} {cxSeconds,12:F2} {cxPeak - cxBefore + before,10:F0}");
        }
    }

    /// <summary>Runs an action with the working set sampled every 10 ms: seconds, its result, working set before and peak (MiB).</summary>
    private static async Task<(double Seconds, long Result, double Before, double Peak)> MeasureAsync(Func<Task<long>> action)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var before = process.WorkingSet64;
        var peak = before;
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                process.Refresh();
                peak = Math.Max(peak, process.WorkingSet64);
                await Task.Delay(10);
            }
        });
        var watch = Stopwatch.StartNew();
        var result = await action();
        var seconds = watch.Elapsed.TotalSeconds;
        await stop.CancelAsync();
        await sampler;
        return (seconds, result, before / 1048576.0, peak / 1048576.0);
    }

    /// <summary>The same sheet built with ClosedXML (template rows of N tenants), saved: the whole workbook is in memory first.</summary>
    private static long ClosedXmlSheet(int tenants)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add("Tenants");
        var row = 1;
        foreach (var column in TemplateColumns.All) sheet.Cell(row, (int)column.Field + 1).SetValue(column.English);
        for (var t = 0; t < tenants; t++)
        {
            var tenant = SameRows.Tenant($"Benchmark tenant {t:D6}", 2, [$"bench{t}.com", $"bench{t}.org"]);
            foreach (var cells in TenantExportRows.For(tenant, TemplateLanguage.English))
            {
                row++;
                foreach (var (field, value) in cells) sheet.Cell(row, (int)field + 1).SetValue(value);
            }
        }
        var output = new CountingSink();
        workbook.SaveAs(output);
        return output.Count;
    }

    private sealed class CountingSink : Stream
    {
        public long Count { get; private set; }
        public override void Write(byte[] buffer, int offset, int count) => Count += count;
        public override void Write(ReadOnlySpan<byte> buffer) => Count += buffer.Length;
        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Count += buffer.Length;
            return ValueTask.CompletedTask;
        }
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => Count;
        public override long Position { get => Count; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
