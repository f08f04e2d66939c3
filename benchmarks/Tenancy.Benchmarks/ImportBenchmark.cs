using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Tenancy.Core.Imports;
using Tenancy.Excel;
using Tenancy.TestSupport;

namespace Tenancy.Benchmarks;

/// <summary>
/// Imports N tenants end to end on the local host (upload → parse → chunks → tenants) and prints the time next to
/// the raw time to insert the same rows (the rows the service stores for those tenants) in 100-entity transactions
/// into the same Azurite in the same run, with the ratio and the process's peak memory. The workbooks are made by
/// a child process beforehand, so the peak is the service's own.
/// </summary>
public static class ImportBenchmark
{
    public static async Task RunAsync(IReadOnlyList<int> sizes, StoreSetup store, SideBySide figures)
    {
        var files = new Dictionary<int, string>();
        foreach (var size in sizes) files[size] = await MakeWorkbookInChildAsync(size);

        await using var host = await BenchmarkHost.StartAsync(store: store);
        await host.App.StartAsync();
        var tables = new TableServiceClient(host.Azurite.Endpoints.ConnectionString);

        Console.WriteLine("tenant import, end to end (1 contact and 1 domain per tenant)");
        Console.WriteLine($"{"tenants",8} {"import s",9} {"raw s",7} {"rows",7} {"ratio",7} {"s/1000",7} {"peak MiB",9} {"heap MiB",9}");
        foreach (var size in sizes)
        {
            var (_, client) = await host.AccountAsync();
            var (raw, rows) = await RawBatchInsertAsync(tables, size);
            var file = await File.ReadAllBytesAsync(files[size]);

            GC.Collect();
            var watch = Stopwatch.StartNew();
            var content = new ByteArrayContent(file);
            content.Headers.ContentType = new MediaTypeHeaderValue(TemplateFiles.ContentType);
            var response = await client.PostAsync("api/tenant-imports", content);
            response.EnsureSuccessStatusCode();
            file = [];
            content = null;
            var job = await WaitAsync(client, response.Headers.Location!.ToString().TrimStart('/'));
            var seconds = watch.Elapsed.TotalSeconds;
            if ((int)job["createdCount"]! != size) throw new InvalidOperationException($"created {job["createdCount"]} of {size}: {job.ToJsonString()[..500]}");

            figures.Add($"import of {size} tenants, s", store, seconds);
            using var process = Process.GetCurrentProcess();
            Console.WriteLine($"{size,8} {seconds,9:F1} {raw,7:F2} {rows,7} {seconds / raw,7:F1} {seconds * 1000 / size,7:F2} {process.PeakWorkingSet64 / 1048576.0,9:F0} {GC.GetGCMemoryInfo().HeapSizeBytes / 1048576.0,9:F0}");
        }
        foreach (var path in files.Values) File.Delete(path);
    }

    /// <summary>The baseline: the rows the service stores for the same tenants, 100 to a transaction, nothing else.</summary>
    private static async Task<(double Seconds, int Rows)> RawBatchInsertAsync(TableServiceClient service, int count)
    {
        var table = service.GetTableClient("rawbench" + Guid.NewGuid().ToString("N")[..8]);
        await table.CreateAsync();
        var partition = Guid.NewGuid().ToString("N");
        var rows = Enumerable.Range(0, count)
            .SelectMany(t => SameRows.Of(partition, SameRows.Tenant($"Benchmark tenant {t:D6}", 1, [$"bench{t}.com"])))
            .ToList();
        var watch = Stopwatch.StartNew();
        foreach (var batch in rows.Chunk(100))
            await table.SubmitTransactionAsync(batch.Select(r => new TableTransactionAction(TableTransactionActionType.Add, r)));
        return (watch.Elapsed.TotalSeconds, rows.Count);
    }

    /// <summary>Writes the workbook of N tenants in a child process (this program, <c>workbook N path</c>).</summary>
    internal static async Task<string> MakeWorkbookInChildAsync(int tenants)
    {
        var path = Path.Combine(Path.GetTempPath(), $"tenancy-bench-{tenants}-{Guid.NewGuid():N}.xlsx");
        var self = Environment.ProcessPath!;
        var start = Path.GetFileNameWithoutExtension(self) == "dotnet"
            ? new ProcessStartInfo(self, [typeof(ImportBenchmark).Assembly.Location, "workbook", tenants.ToString(), path])
            : new ProcessStartInfo(self, ["workbook", tenants.ToString(), path]);
        using var child = Process.Start(start)!;
        await child.WaitForExitAsync();
        if (child.ExitCode != 0) throw new InvalidOperationException($"the workbook child process failed ({child.ExitCode})");
        return path;
    }

    public static void WriteWorkbook(int tenants, string path) => File.WriteAllBytes(path, Spreadsheets.Fill(new TemplateWriter().Create(TemplateLanguage.English),
        Enumerable.Range(0, tenants).Select(t => new[]
        {
            $"Benchmark tenant {t:D6}", "Ann Lee", "TRUE", "IT", $"ann@bench{t}.com", "+33", "01 23 45 67 89", "", "", $"bench{t}.com",
        }).ToArray()));

    internal static async Task<JsonObject> WaitAsync(HttpClient client, string url, params string[] until)
    {
        if (until.Length == 0) until = ["completed", "completedWithErrors", "failed"];
        while (true)
        {
            var job = JsonNode.Parse(await client.GetStringAsync(url))!.AsObject();
            if (until.Contains((string?)job["status"])) return job;
            await Task.Delay(200);
        }
    }
}
