using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Azure.Data.Tables;

namespace Tenancy.Benchmarks;

/// <summary>
/// Device registrations into one group with 64 in flight, against raw single-entity inserts into one partition with
/// 64 in flight, on the same Azurite in the same run; then checks that every registration succeeded and the count is exact.
/// </summary>
public static class HotGroupBenchmark
{
    private const int InFlight = 64;

    public static async Task RunAsync(int count)
    {
        await using var host = await BenchmarkHost.StartAsync();
        await host.App.StartAsync();
        var (_, client) = await host.AccountAsync();
        var table = new TableServiceClient(host.Azurite.Endpoints.ConnectionString).GetTableClient("hotbench");
        await table.CreateAsync();
        var group = (string)(await (await client.PostAsync("api/device-groups", Json("""{"name":"Hot"}"""))).Content.ReadFromJsonAsync<JsonObject>())!["id"]!;

        var failures = 0;
        var api = await RateAsync(count, async i =>
        {
            var response = await client.PostAsync("api/devices", Json($$"""{"name":"Device {{i}}","groupId":"{{group}}"}"""));
            if (!response.IsSuccessStatusCode) Interlocked.Increment(ref failures);
        });
        var raw = await RateAsync(count, async i => await table.AddEntityAsync(new TableEntity("hot", $"d{i:D7}") { ["Name"] = $"Device {i}", ["GroupId"] = group }));
        var counted = (int)(await client.GetFromJsonAsync<JsonObject>("api/device-groups"))!["items"]!.AsArray()
            .Single(g => (string?)g!["id"] == group)!["deviceCount"]!;

        Console.WriteLine($"hot group: {count} device registrations into one group, {InFlight} in flight");
        Console.WriteLine($"  raw single inserts       : {raw,10:F0} /s");
        Console.WriteLine($"  registrations            : {api,10:F0} /s ({failures} failed, group count {counted} of {count - failures} succeeded)");
        Console.WriteLine($"  ratio (api / raw)        : {api / raw,10:F2}");
    }

    private static async Task<double> RateAsync(int count, Func<int, Task> call)
    {
        var watch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = InFlight }, async (i, _) => await call(i));
        return count / watch.Elapsed.TotalSeconds;
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
