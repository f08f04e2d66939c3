using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Tenancy.Core.Imports;
using Tenancy.Excel;
using Tenancy.TestSupport;

namespace Tenancy.Benchmarks;

/// <summary>
/// Sustained mixed load on the local host (127.0.0.1 only): <c>clients</c> concurrent callers for <c>seconds</c>, spread
/// over four accounts of eight tenants each (busy tenants: several callers write each one at once), doing what a
/// console's users and the email pipeline do (reads, lists, creates, contact adds and changes, notes, group moves,
/// device registrations, routing queries) while one import at a time runs. Every request is one the caller may
/// make: a 5xx, or a 409 or 412 it did not cause (its names are unique, it confirms reassignments, it sends no
/// If-Match), is counted as a failure. Prints p50/p95/p99 per kind.
/// </summary>
public static class LoadBenchmark
{
    private const int Accounts = 4;
    private const int TenantsPerAccount = 8;
    private const int GroupsPerAccount = 10;
    private const int ImportTenants = 300;

    private sealed record Seed(HttpClient Client, string[] TenantIds, string[][] ContactIds, string[] GroupIds, string[] Domains);

    private sealed record Outcome(string Kind, double Ms, HttpStatusCode Status, string? ProblemType);

    public static async Task RunAsync(int seconds, int clients, StoreSetup store, SideBySide figures)
    {
        // The rate limit is per key and generous for people; here a few keys carry a whole office's load.
        await using var host = await BenchmarkHost.StartAsync(b => b.Configuration["TENANCY_RATELIMIT:TokenLimit"] = "10000000", store);
        await host.App.StartAsync();
        var seeds = new List<Seed>();
        for (var a = 0; a < Accounts; a++) seeds.Add(await SeedAsync(host, a));

        // The baseline: the same tenant read, one caller, nothing else running.
        var idle = new List<double>();
        for (var i = 0; i < 120; i++)
        {
            var watch0 = Stopwatch.StartNew();
            (await seeds[0].Client.GetAsync($"api/tenants/{seeds[0].TenantIds[i % TenantsPerAccount]}")).EnsureSuccessStatusCode();
            if (i >= 20) idle.Add(watch0.Elapsed.TotalMilliseconds);
        }

        var outcomes = new ConcurrentQueue<Outcome>();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        var imports = Task.Run(() => ImportLoopAsync(seeds[0].Client, outcomes, stop.Token));
        var watch = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, clients).Select(c => Task.Run(() => WorkerAsync(c, seeds[c % Accounts], outcomes, stop.Token))).ToArray();
        await Task.WhenAll(workers);
        var elapsed = watch.Elapsed;
        var importCount = await imports;

        Print(outcomes.ToList(), elapsed, clients, importCount);
        var requests = outcomes.Where(o => !o.Kind.StartsWith("import")).ToList();
        var all = requests.Select(o => o.Ms).Order().ToArray();
        figures.Add("load: requests per second", store, requests.Count / elapsed.TotalSeconds);
        figures.Add("load: p50 ms", store, P(all, 50));
        figures.Add("load: p95 ms", store, P(all, 95));
        figures.Add("load: 5xx", store, requests.Count(IsServerError));
        figures.Add("load: 409/412 not caused", store, requests.Count(IsUncaused));
        var idleP50 = P([.. idle.Order()], 50);
        var loadedP50 = P([.. outcomes.Where(o => o.Kind == "read tenant").Select(o => o.Ms).Order()], 50);
        Console.WriteLine($"read tenant p50: {loadedP50:F1} ms under load / {idleP50:F1} ms alone (baseline, same run) = {loadedP50 / idleP50:F1}×");
    }

    private static async Task<Seed> SeedAsync(BenchmarkHost host, int account)
    {
        var (_, client) = await host.AccountAsync();
        var tenantIds = new string[TenantsPerAccount];
        var contactIds = new string[TenantsPerAccount][];
        var domains = new string[TenantsPerAccount];
        for (var t = 0; t < TenantsPerAccount; t++)
        {
            domains[t] = $"load{account}-{t}.com";
            var created = await ReadAsync(await client.PostAsync("api/tenants", Json(new
            {
                name = $"Seed {account}-{t}",
                contacts = new[] { new { name = "Primary", email = $"primary@{domains[t]}", isPrimary = true }, new { name = "Second", email = $"second@{domains[t]}", isPrimary = false } },
                domains = new[] { domains[t] },
            })));
            tenantIds[t] = (string)created["id"]!;
            contactIds[t] = created["contacts"]!.AsArray().Select(c => (string)c!["id"]!).ToArray();
        }
        var groupIds = new string[GroupsPerAccount];
        for (var g = 0; g < GroupsPerAccount; g++)
            groupIds[g] = (string)(await ReadAsync(await client.PostAsync("api/device-groups", Json(new { name = $"Group {g}", tenantId = tenantIds[g % TenantsPerAccount] }))))["id"]!;
        return new Seed(client, tenantIds, contactIds, groupIds, domains);
    }

    private static async Task WorkerAsync(int worker, Seed seed, ConcurrentQueue<Outcome> outcomes, CancellationToken stop)
    {
        var random = new Random(worker);
        var n = 0;
        while (!stop.IsCancellationRequested)
        {
            n++;
            var t = random.Next(seed.TenantIds.Length);
            var tenant = seed.TenantIds[t];
            var roll = random.Next(100);
            (string Kind, Func<Task<HttpResponseMessage>> Send) call = roll switch
            {
                < 20 => ("read tenant", () => seed.Client.GetAsync($"api/tenants/{tenant}")),
                < 30 => ("list tenants", () => seed.Client.GetAsync("api/tenants?pageSize=20&search=seed")),
                < 35 => ("list groups", () => seed.Client.GetAsync($"api/device-groups?tenantId={tenant}")),
                < 40 => ("create tenant", () => seed.Client.PostAsync("api/tenants", Json(new
                {
                    name = $"Created {worker}-{n}", contacts = new[] { new { name = "Ann", email = $"ann@created{worker}-{n}.com", isPrimary = true } },
                }))),
                < 45 => ("contact add", () => seed.Client.PostAsync($"api/tenants/{tenant}/contacts",
                    Json(new { name = $"Added {worker}-{n}", email = $"added{worker}-{n}@{seed.Domains[t]}" }))),
                < 50 => ("notes", () => seed.Client.PatchAsync($"api/tenants/{tenant}", Json(new { notes = $"Called back by {worker} ({n})." }))),
                < 55 => ("contact change", () => seed.Client.PatchAsync($"api/tenants/{tenant}/contacts/{seed.ContactIds[t][random.Next(2)]}",
                    Json(new { role = $"Role {n}", phone = $"01 23 45 {n % 100:D2} 00" }))),
                < 60 => ("primary swap", () => seed.Client.PatchAsync($"api/tenants/{tenant}/contacts/{seed.ContactIds[t][random.Next(2)]}",
                    Json(new { isPrimary = true }))),
                < 70 => ("group move", () => seed.Client.PostAsync($"api/tenants/{tenant}/device-groups/assign",
                    Json(new { groupIds = new[] { seed.GroupIds[random.Next(seed.GroupIds.Length)] }, confirmReassign = true }))),
                < 85 => ("device registration", () => seed.Client.PostAsync("api/devices",
                    Json(new { name = $"Device {worker}-{n}", groupId = seed.GroupIds[random.Next(seed.GroupIds.Length)] }))),
                _ => ("routing query", () => seed.Client.GetAsync($"api/ticket-routing/match?from={Uri.EscapeDataString($"user{n}@mail.{seed.Domains[t]}")}")),
            };
            var watch = Stopwatch.StartNew();
            try
            {
                using var response = await call.Send();
                var problem = (int)response.StatusCode >= 400 ? await ProblemTypeAsync(response) : null;
                outcomes.Enqueue(new Outcome(call.Kind, watch.Elapsed.TotalMilliseconds, response.StatusCode, problem));
            }
            catch (HttpRequestException e)
            {
                outcomes.Enqueue(new Outcome(call.Kind, watch.Elapsed.TotalMilliseconds, 0, e.Message));
            }
        }
    }

    /// <summary>Imports one file after another for the whole run, so that one import is always running.</summary>
    private static async Task<int> ImportLoopAsync(HttpClient client, ConcurrentQueue<Outcome> outcomes, CancellationToken stop)
    {
        var done = 0;
        for (var round = 0; !stop.IsCancellationRequested; round++)
        {
            var file = Spreadsheets.Fill(new TemplateWriter().Create(TemplateLanguage.English), Enumerable.Range(0, ImportTenants).Select(t => new[]
            {
                $"Imported {round}-{t}", "Contact", "TRUE", "", $"c@imported{round}-{t}.com", "", "", "", "", $"imported{round}-{t}.com",
            }).ToArray());
            var watch = Stopwatch.StartNew();
            var content = new ByteArrayContent(file);
            content.Headers.ContentType = new MediaTypeHeaderValue(TemplateFiles.ContentType);
            using var upload = await client.PostAsync("api/tenant-imports", content, CancellationToken.None);
            if (upload.StatusCode != HttpStatusCode.Accepted)
            {
                outcomes.Enqueue(new Outcome("import", watch.Elapsed.TotalMilliseconds, upload.StatusCode, await ProblemTypeAsync(upload)));
                continue;
            }
            var jobUrl = upload.Headers.Location!.ToString().TrimStart('/');
            string? status = null;
            while (status is not ("completed" or "completedWithErrors" or "failed"))
            {
                await Task.Delay(200, CancellationToken.None);
                status = (string?)(await ReadAsync(await client.GetAsync(jobUrl, CancellationToken.None)))["status"];
            }
            // A file of new, distinct tenants has nothing to refuse: anything but "completed" is a failure.
            outcomes.Enqueue(new Outcome("import (300 tenants)", watch.Elapsed.TotalMilliseconds,
                status == "completed" ? HttpStatusCode.OK : HttpStatusCode.InternalServerError, status == "completed" ? null : status));
            done++;
        }
        return done;
    }

    private static void Print(List<Outcome> outcomes, TimeSpan elapsed, int clients, int imports)
    {
        Console.WriteLine($"Load: {clients} clients over {Accounts} accounts for {elapsed.TotalSeconds:F0} s on 127.0.0.1, one import at a time " +
                          $"({imports} imports of {ImportTenants} tenants finished); {outcomes.Count(o => !o.Kind.StartsWith("import")) / elapsed.TotalSeconds:F0} requests/s");
        Console.WriteLine($"{"kind",-22} {"count",7} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8} {"5xx",5} {"409/412",8} {"other 4xx",10}");
        foreach (var group in outcomes.GroupBy(o => o.Kind).OrderBy(g => g.Key))
        {
            var times = group.Select(o => o.Ms).Order().ToArray();
            Console.WriteLine($"{group.Key,-22} {times.Length,7} {P(times, 50),8:F1} {P(times, 95),8:F1} {P(times, 99),8:F1} " +
                              $"{group.Count(IsServerError),5} {group.Count(IsUncaused),8} {group.Count(o => (int)o.Status is >= 400 and < 500 && !IsUncaused(o)),10}");
        }
        var failures = outcomes.Where(o => IsServerError(o) || IsUncaused(o)).ToList();
        Console.WriteLine($"5xx or transport errors: {outcomes.Count(IsServerError)}; 409/412 the caller did not cause: {outcomes.Count(IsUncaused)}");
        foreach (var kind in failures.GroupBy(o => $"{o.Kind}: {(int)o.Status} {o.ProblemType}").Take(10))
            Console.WriteLine($"  {kind.Key} × {kind.Count()}");
    }

    private static bool IsServerError(Outcome o) => (int)o.Status >= 500 || o.Status == 0;

    // Every request is one the caller may make as sent (unique names, reassignment confirmed, no If-Match).
    private static bool IsUncaused(Outcome o) => o.Status is HttpStatusCode.Conflict or HttpStatusCode.PreconditionFailed;

    private static double P(double[] sorted, int percentile) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, sorted.Length * percentile / 100)];

    private static StringContent Json(object body) => new(JsonSerializer.Serialize(body, new JsonSerializerOptions(JsonSerializerDefaults.Web)), Encoding.UTF8, "application/json");

    private static async Task<JsonObject> ReadAsync(HttpResponseMessage response)
    {
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private static async Task<string?> ProblemTypeAsync(HttpResponseMessage response)
    {
        try
        {
            return (string?)(await response.Content.ReadFromJsonAsync<JsonObject>())?["type"];
        }
        catch (Exception e) when (e is JsonException or NotSupportedException)
        {
            return null;
        }
    }
}
