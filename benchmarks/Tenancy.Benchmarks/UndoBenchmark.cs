using System.Diagnostics;
using System.Net.Http.Headers;
using Azure.Data.Tables;
using Tenancy.Core.Imports;

namespace Tenancy.Benchmarks;

/// <summary>
/// Undoes an import of N tenants on the local host (POST undo → undone: ledger read, each tenant compared and deleted)
/// and prints the time next to the raw time to delete the same rows (those the service stores for these tenants) in
/// 100-entity transactions from the same Azurite in the same run, with the ratio.
/// </summary>
public static class UndoBenchmark
{
    public static async Task RunAsync(int size)
    {
        var path = await ImportBenchmark.MakeWorkbookInChildAsync(size);
        await using var host = await BenchmarkHost.StartAsync();
        await host.App.StartAsync();
        var tables = new TableServiceClient(host.Azurite.Endpoints.ConnectionString);

        var (_, client) = await host.AccountAsync();
        var content = new ByteArrayContent(await File.ReadAllBytesAsync(path));
        content.Headers.ContentType = new MediaTypeHeaderValue(TemplateFiles.ContentType);
        var upload = await client.PostAsync("api/tenant-imports", content);
        upload.EnsureSuccessStatusCode();
        var url = upload.Headers.Location!.ToString().TrimStart('/');
        var imported = await ImportBenchmark.WaitAsync(client, url);
        if ((int)imported["createdCount"]! != size) throw new InvalidOperationException($"created {imported["createdCount"]} of {size}");
        var (raw, rows) = await RawBatchDeleteAsync(tables, size);

        var watch = Stopwatch.StartNew();
        (await client.PostAsync(url + "/undo", null)).EnsureSuccessStatusCode();
        var job = await ImportBenchmark.WaitAsync(client, url, "undone");
        var seconds = watch.Elapsed.TotalSeconds;
        var removed = (int)job["undo"]!["removedCount"]!;
        if (removed != size) throw new InvalidOperationException($"removed {removed} of {size}");

        Console.WriteLine("import undo (1 contact and 1 domain per tenant)");
        Console.WriteLine($"{"tenants",8} {"undo s",9} {"raw s",7} {"rows",7} {"ratio",7}");
        Console.WriteLine($"{size,8} {seconds,9:F1} {raw,7:F2} {rows,7} {seconds / raw,7:F1}");
        File.Delete(path);
    }

    /// <summary>The baseline: the rows the service stores for the same tenants, written untimed, then deleted 100 to a transaction.</summary>
    private static async Task<(double Seconds, int Rows)> RawBatchDeleteAsync(TableServiceClient service, int count)
    {
        var table = service.GetTableClient("rawundo" + Guid.NewGuid().ToString("N")[..8]);
        await table.CreateAsync();
        var partition = Guid.NewGuid().ToString("N");
        var rows = Enumerable.Range(0, count)
            .SelectMany(t => SameRows.Of(partition, SameRows.Tenant($"Benchmark tenant {t:D6}", 1, [$"bench{t}.com"])))
            .ToList();
        foreach (var batch in rows.Chunk(100))
            await table.SubmitTransactionAsync(batch.Select(r => new TableTransactionAction(TableTransactionActionType.Add, r)));
        var watch = Stopwatch.StartNew();
        foreach (var batch in rows.Chunk(100))
            await table.SubmitTransactionAsync(batch.Select(r => new TableTransactionAction(TableTransactionActionType.Delete, r, Azure.ETag.All)));
        return (watch.Elapsed.TotalSeconds, rows.Count);
    }
}
