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
/// the raw time to batch-insert N entities into the same Azurite in the same run, with the ratio and peak memory.
/// </summary>
public static class ImportBenchmark
{
    public static async Task RunAsync(IReadOnlyList<int> sizes)
    {
        await using var host = await BenchmarkHost.StartAsync();
        await host.App.StartAsync();
        var tables = new TableServiceClient(host.Azurite.Endpoints.ConnectionString);

        Console.WriteLine("tenant import, end to end (1 contact and 1 domain per tenant)");
        Console.WriteLine($"{"tenants",8} {"import s",9} {"raw s",7} {"ratio",7} {"s/1000",7} {"peak MiB",9} {"heap MiB",9}");
        foreach (var size in sizes)
        {
            var (_, client) = await host.AccountAsync();
            var file = Template(size);
            var raw = await RawBatchInsertAsync(tables, size);

            GC.Collect();
            var watch = Stopwatch.StartNew();
            var content = new ByteArrayContent(file);
            content.Headers.ContentType = new MediaTypeHeaderValue(TemplateFiles.ContentType);
            var response = await client.PostAsync("api/tenant-imports", content);
            response.EnsureSuccessStatusCode();
            var job = await WaitAsync(client, response.Headers.Location!.ToString().TrimStart('/'));
            var seconds = watch.Elapsed.TotalSeconds;
            if ((int)job["createdCount"]! != size) throw new InvalidOperationException($"created {job["createdCount"]} of {size}: {job.ToJsonString()[..500]}");

            using var process = Process.GetCurrentProcess();
            Console.WriteLine($"{size,8} {seconds,9:F1} {raw,7:F2} {seconds / raw,7:F1} {seconds * 1000 / size,7:F2} {process.PeakWorkingSet64 / 1048576.0,9:F0} {GC.GetGCMemoryInfo().HeapSizeBytes / 1048576.0,9:F0}");
        }
    }

    /// <summary>The baseline: N entities in 100-entity transactions into one partition, nothing else.</summary>
    private static async Task<double> RawBatchInsertAsync(TableServiceClient service, int count)
    {
        var table = service.GetTableClient("rawbench" + Guid.NewGuid().ToString("N")[..8]);
        await table.CreateAsync();
        var partition = Guid.NewGuid().ToString("N");
        var watch = Stopwatch.StartNew();
        foreach (var batch in Enumerable.Range(0, count).Chunk(100))
            await table.SubmitTransactionAsync(batch.Select(i => new TableTransactionAction(TableTransactionActionType.Add,
                new TableEntity(partition, $"T|{i:D7}") { ["Name"] = $"Tenant {i}", ["Notes"] = "benchmark" })));
        return watch.Elapsed.TotalSeconds;
    }

    private static byte[] Template(int tenants) => Spreadsheets.Fill(new TemplateWriter().Create(TemplateLanguage.English),
        Enumerable.Range(0, tenants).Select(t => new[]
        {
            $"Benchmark tenant {t:D6}", "Ann Lee", "TRUE", "IT", $"ann@bench{t}.com", "+33", "01 23 45 67 89", "", "", $"bench{t}.com",
        }).ToArray());

    private static async Task<JsonObject> WaitAsync(HttpClient client, string url)
    {
        while (true)
        {
            var job = JsonNode.Parse(await client.GetStringAsync(url))!.AsObject();
            if ((string?)job["status"] is "completed" or "completedWithErrors" or "failed") return job;
            await Task.Delay(200);
        }
    }
}
