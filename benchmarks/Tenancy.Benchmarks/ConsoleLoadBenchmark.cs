using System.Diagnostics;
using System.Net.Http.Json;
using Microsoft.Playwright;

namespace Tenancy.Benchmarks;

/// <summary>
/// The web console in headless Chromium on the local host: time from navigation to an interactive tenant list,
/// with an empty cache (a new browser profile) and a warm one (the same profile again), next to the time the
/// API itself takes to answer that list in the same run; and what the browser downloads on a cold load.
/// </summary>
public static class ConsoleLoadBenchmark
{
    private static readonly string Chromium = Environment.GetEnvironmentVariable("TENANCY_CHROMIUM") ?? "/usr/bin/chromium";

    public static async Task RunAsync(int runs)
    {
        await using var host = await BenchmarkHost.StartAsync();
        await host.App.StartAsync();
        var (_, client) = await host.AccountAsync();
        var key = client.DefaultRequestHeaders.Authorization!.Parameter!;
        for (var i = 0; i < 60; i++)
            (await client.PostAsJsonAsync("api/tenants", new { name = $"Tenant {i:D3}", contacts = new[] { new { name = "Ann", email = $"ann@t{i}.example" } } })).EnsureSuccessStatusCode();

        var api = new List<double>();
        for (var i = 0; i < runs * 5; i++)
        {
            var sw = Stopwatch.StartNew();
            (await client.GetAsync("api/tenants?pageSize=50")).EnsureSuccessStatusCode();
            api.Add(sw.Elapsed.TotalMilliseconds);
        }

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium, Headless = true, Args = ["--no-sandbox", "--disable-dev-shm-usage"],
        });
        var cold = new List<double>();
        var warm = new List<double>();
        var responses = new List<IResponse>();
        long encoded = 0, decoded = 0;
        for (var r = 0; r < runs; r++)
        {
            await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = host.BaseAddress.ToString() });
            context.SetDefaultTimeout(120_000);
            await context.AddInitScriptAsync($"sessionStorage.setItem('tenancy.apiKey', '{key}');");
            var page = await context.NewPageAsync();
            if (r == 0) page.Response += (_, response) => responses.Add(response);
            cold.Add(await TimeToListAsync(page));
            if (r == 0)
                foreach (var response in responses.Where(r => !r.Url.Contains("/api/", StringComparison.Ordinal)))
                {
                    encoded += (await response.Request.SizesAsync()).ResponseBodySize;
                    decoded += (await response.BodyAsync()).Length;
                }
            warm.Add(await TimeToListAsync(page));
        }

        var apiMedian = Median(api);
        Console.WriteLine($"Console load, {runs} runs each, median (ms); baseline: GET api/tenants?pageSize=50, median of {api.Count}");
        Console.WriteLine($"{"load",-26} {"median",8} {"min",8} {"max",8} {"API",8} {"ratio",8}");
        Print("cold (empty cache)", cold, apiMedian);
        Print("warm (same profile)", warm, apiMedian);
        Console.WriteLine($"download on a cold load from the local host (build output, not trimmed): {encoded / 1024.0 / 1024.0:F2} MiB as sent, {decoded / 1024.0 / 1024.0:F2} MiB decoded, {responses.Count(r => !r.Url.Contains("/api/", StringComparison.Ordinal))} files");
        PrintPublishedSize();
    }

    /// <summary>
    /// What the Static Web App serves: the console published in Release (trimmed, with the .br and .gz files the
    /// SDK precompresses). Every file of _framework is fetched on a cold load; Brotli is what browsers ask for.
    /// </summary>
    private static void PrintPublishedSize()
    {
        var output = Path.Combine(Path.GetTempPath(), $"tenancy-console-{Guid.NewGuid():N}");
        var project = Path.Combine(RepositoryRoot(), "src", "Tenancy.Console");
        using var publish = Process.Start(new ProcessStartInfo("dotnet", ["publish", project, "-c", "Release", "-o", output, "--nologo", "-v", "q"])
        {
            RedirectStandardOutput = true,
        })!;
        publish.StandardOutput.ReadToEnd();
        publish.WaitForExit();
        if (publish.ExitCode != 0)
        {
            Console.WriteLine("published size: dotnet publish failed");
            return;
        }
        var files = Directory.EnumerateFiles(Path.Combine(output, "wwwroot"), "*", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith(".br", StringComparison.Ordinal) && !f.EndsWith(".gz", StringComparison.Ordinal)).ToList();
        var raw = files.Sum(f => new FileInfo(f).Length);
        var brotli = files.Sum(f => File.Exists(f + ".br") ? new FileInfo(f + ".br").Length : new FileInfo(f).Length);
        var framework = files.Where(f => f.Contains($"{Path.DirectorySeparatorChar}_framework{Path.DirectorySeparatorChar}", StringComparison.Ordinal)).ToList();
        Console.WriteLine($"published console (Release, trimmed): {files.Count} files, {raw / 1024.0 / 1024.0:F2} MiB, {brotli / 1024.0 / 1024.0:F2} MiB with Brotli ({framework.Count} of them in _framework)");
        Directory.Delete(output, recursive: true);
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Tenancy.slnf"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Repository root not found.");
    }

    // Interactive: the list is rendered by the app (so its event handlers are attached) and the search box takes input.
    private static async Task<double> TimeToListAsync(IPage page)
    {
        var sw = Stopwatch.StartNew();
        await page.GotoAsync("tenants");
        await page.Locator("[data-testid=tenant-list] a").First.WaitForAsync();
        await page.Locator("#tenant-search").FillAsync("");
        return sw.Elapsed.TotalMilliseconds;
    }

    private static void Print(string name, List<double> times, double api) =>
        Console.WriteLine($"{name,-26} {Median(times),8:F0} {times.Min(),8:F0} {times.Max(),8:F0} {api,8:F1} {Median(times) / api,8:F0}");

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
