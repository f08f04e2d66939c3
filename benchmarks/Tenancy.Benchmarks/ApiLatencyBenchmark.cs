using System.Diagnostics;
using System.Text;
using Azure.Data.Tables;

namespace Tenancy.Benchmarks;

/// <summary>
/// Latency of the HTTP API on the local host (read and create a tenant), next to the latency of one raw
/// point read and one raw insert on the same Azurite in the same run.
/// </summary>
public static class ApiLatencyBenchmark
{
    public static async Task RunAsync(int count)
    {
        await using var host = await BenchmarkHost.StartAsync();
        await host.App.StartAsync();
        var (_, client) = await host.AccountAsync();
        var table = new TableServiceClient(host.Azurite.Endpoints.ConnectionString).GetTableClient("latencybench");
        await table.CreateAsync();

        var created = await client.PostAsync("api/tenants", Json("""{"name":"Latency","contacts":[{"name":"Ann","email":"ann@latency.com"}]}"""));
        var tenantUrl = created.Headers.Location!.ToString().TrimStart('/');
        await table.AddEntityAsync(new TableEntity("p", "row") { ["Name"] = "Latency" });

        var apiRead = await TimeAsync(count, async _ => (await client.GetAsync(tenantUrl)).EnsureSuccessStatusCode());
        var rawRead = await TimeAsync(count, async _ => await table.GetEntityAsync<TableEntity>("p", "row"));
        var apiCreate = await TimeAsync(count, async i => (await client.PostAsync("api/tenants",
            Json($$"""{"name":"Latency {{i}}","contacts":[{"name":"Ann","email":"ann@latency{{i}}.com"}]}"""))).EnsureSuccessStatusCode());
        var rawInsert = await TimeAsync(count, async i => await table.AddEntityAsync(new TableEntity("p", $"r{i}") { ["Name"] = $"Latency {i}" }));

        Console.WriteLine($"API latency, {count} sequential calls each (ms)");
        Console.WriteLine($"{"operation",-28} {"p50",7} {"p95",7} {"raw p50",8} {"raw p95",8} {"p50 ratio",10}");
        Print("GET tenant / point read", apiRead, rawRead);
        Print("POST tenant / single insert", apiCreate, rawInsert);
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static void Print(string name, double[] api, double[] raw) =>
        Console.WriteLine($"{name,-28} {P(api, 50),7:F2} {P(api, 95),7:F2} {P(raw, 50),8:F2} {P(raw, 95),8:F2} {P(api, 50) / P(raw, 50),10:F1}");

    private static double P(double[] sorted, int percentile) => sorted[Math.Min(sorted.Length - 1, sorted.Length * percentile / 100)];

    private static async Task<double[]> TimeAsync(int count, Func<int, Task> call)
    {
        for (var i = 0; i < 20; i++) await call(-1 - i); // warm-up
        var times = new double[count];
        for (var i = 0; i < count; i++)
        {
            var watch = Stopwatch.StartNew();
            await call(i);
            times[i] = watch.Elapsed.TotalMilliseconds;
        }
        Array.Sort(times);
        return times;
    }
}
