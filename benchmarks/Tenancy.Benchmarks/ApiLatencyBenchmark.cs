using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Tenancy.Storage.Tables;
using Tenancy.Storage.Tenants;

namespace Tenancy.Benchmarks;

/// <summary>
/// Latency of the HTTP API on the local host: reading a tenant (with contacts, device groups and domains) against one
/// raw range query that returns a copy of the rows that read returns, and creating one against one raw transaction of
/// the rows the service writes for it; both on the same Azurite in the same run.
/// </summary>
public static class ApiLatencyBenchmark
{
    public static async Task RunAsync(int count, StoreSetup store, SideBySide figures)
    {
        await using var host = await BenchmarkHost.StartAsync(store: store);
        await host.App.StartAsync();
        var (accountId, client) = await host.AccountAsync();
        var table = new TableServiceClient(host.Azurite.Endpoints.ConnectionString).GetTableClient("latencybench");
        await table.CreateAsync();

        var groupIds = new List<string>();
        for (var g = 0; g < 2; g++)
            groupIds.Add((string)(await (await client.PostAsync("api/device-groups", Json($$"""{"name":"Group {{g}}"}"""))).Content.ReadFromJsonAsync<JsonObject>())!["id"]!);
        var created = await client.PostAsync("api/tenants", Json(Body("Latency", "latency", groupIds)));
        created.EnsureSuccessStatusCode();
        var tenantUrl = created.Headers.Location!.ToString().TrimStart('/');

        // The very rows a tenant read returns (TenantRows.RangePrefix: the tenant, its contacts, its group entries), copied.
        var stored = new TableServiceClient(host.Azurite.Endpoints.ConnectionString).GetTableClient(TableNames.Tenancy);
        var rows = new List<TableEntity>();
        await foreach (var row in stored.QueryAsync<TableEntity>(RowKeys.PrefixFilter(accountId, TenantRows.RangePrefix(tenantUrl.Split('/')[^1]))))
            rows.Add(row);
        var readRows = rows.Count;
        await table.SubmitTransactionAsync(rows.Select((r, i) =>
            new TableTransactionAction(TableTransactionActionType.Add, Rekeyed(r, $"x|{i:D3}"))));
        await table.AddEntityAsync(new TableEntity("read", "y") { ["Name"] = "outside the range" });

        var apiRead = await TimeAsync(count, async _ => (await client.GetAsync(tenantUrl)).EnsureSuccessStatusCode());
        var rawRead = await TimeAsync(count, async _ =>
        {
            var rows = 0;
            await foreach (var row in table.QueryAsync<TableEntity>("PartitionKey eq 'read' and RowKey ge 'x|' and RowKey lt 'x}'")) rows++;
            if (rows != readRows) throw new InvalidOperationException("raw range query returned the wrong rows");
        });
        var apiCreate = await TimeAsync(count, async i => (await client.PostAsync("api/tenants", Json(Body($"Latency {i}", $"latency{i}", [])))).EnsureSuccessStatusCode());
        var rawCreate = await TimeAsync(count, async i =>
        {
            var rows = SameRows.Of($"create{i}", SameRows.Tenant($"Latency {i}", 2, [$"latency{i}.com", $"latency{i}.org"]));
            await table.SubmitTransactionAsync(rows.Select(r => new TableTransactionAction(TableTransactionActionType.Add, r)));
        });

        Console.WriteLine($"API latency, {count} sequential calls each (ms); tenant with 2 contacts, 2 domains ({readRows} rows with 2 groups)");
        Console.WriteLine($"{"operation",-36} {"p50",7} {"p95",7} {"raw p50",8} {"raw p95",8} {"p50 ratio",10}");
        Print("GET tenant / one range query", apiRead, rawRead);
        Print("POST tenant / one transaction", apiCreate, rawCreate);
        figures.Add("GET tenant p50 ms", store, P(apiRead, 50));
        figures.Add("GET tenant p95 ms", store, P(apiRead, 95));
        figures.Add("one range query p50 ms", store, P(rawRead, 50));
        figures.Add("POST tenant p50 ms", store, P(apiCreate, 50));

        foreach (var (name, url) in new[] { ("GET tenants?pageSize=50", "api/tenants?pageSize=50"), ("GET ticket-routing/match", "api/ticket-routing/match?from=someone%40eu.latency.com") })
        {
            var times = await SequentialCalls.TimeAsync(count, () => client.GetAsync(url));
            Console.WriteLine($"{name,-36} {P(times, 50),7:F2} {P(times, 95),7:F2}");
            figures.Add($"{name} p50 ms", store, P(times, 50));
        }
        if (host.Filled is { } filled)
        {
            using var large = new HttpClient { BaseAddress = host.BaseAddress };
            large.DefaultRequestHeaders.Authorization = new("Bearer", filled.LargeAccountKey);
            var times = await SequentialCalls.TimeAsync(count, () => large.GetAsync($"api/tenants/{filled.LargeAccountTenantId}"));
            Console.WriteLine($"{$"GET tenant of the {StoreFiller.LargeAccountTenants}-tenant account",-36} {P(times, 50),7:F2} {P(times, 95),7:F2}");
            figures.Add($"GET tenant, {StoreFiller.LargeAccountTenants}-tenant account, p50 ms", store, P(times, 50));
        }
    }

    private static string Body(string name, string domain, IReadOnlyList<string> groupIds) =>
        $$"""{"name":"{{name}}","notes":"benchmark notes","contacts":[{"name":"Contact 0","role":"IT","email":"c0@{{domain}}.com","countryCode":"+33","phone":"01 23 45 67 89","isPrimary":true},{"name":"Contact 1","role":"IT","email":"c1@{{domain}}.com","countryCode":"+33","phone":"01 23 45 67 89"}],"domains":["{{domain}}.com","{{domain}}.org"],"deviceGroupIds":[{{string.Join(",", groupIds.Select(g => $"\"{g}\""))}}]}""";

    private static TableEntity Rekeyed(TableEntity row, string key)
    {
        var copy = new TableEntity("read", key);
        foreach (var (name, value) in row.Where(p => p.Key is not ("PartitionKey" or "RowKey" or "odata.etag" or "Timestamp")))
            copy[name] = value;
        return copy;
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static void Print(string name, double[] api, double[] raw) =>
        Console.WriteLine($"{name,-36} {P(api, 50),7:F2} {P(api, 95),7:F2} {P(raw, 50),8:F2} {P(raw, 95),8:F2} {P(api, 50) / P(raw, 50),10:F1}");

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
