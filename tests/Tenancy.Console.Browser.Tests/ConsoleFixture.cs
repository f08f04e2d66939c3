using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Tenancy.Core.Accounts;
using Tenancy.TestSupport;

namespace Tenancy.Console.Browser.Tests;

/// <summary>
/// The real local host on Azurite (started here) and Debian's Chromium under Playwright. Each test gets its
/// own account, so tests never see each other's tenants.
/// </summary>
public sealed class ConsoleFixture : IAsyncLifetime
{
    /// <summary>Debian's Chromium; <c>TENANCY_CHROMIUM</c> points elsewhere. Playwright's own download is not reachable here.</summary>
    public static readonly string ChromiumPath = Environment.GetEnvironmentVariable("TENANCY_CHROMIUM") ?? "/usr/bin/chromium";

    private readonly LocalHostFixture _host = new();
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public Uri BaseAddress => _host.BaseAddress;

    /// <summary>Screenshots of each page, for a person to look at: TestResults/console/ at the repository root.</summary>
    public static string ScreenshotFolder { get; } = Path.Combine(RepositoryRoot(), "TestResults", "console");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"Chromium not found at {ChromiumPath}: install it (apt-get install -y chromium, as .ci/run does) or set TENANCY_CHROMIUM.");
        Directory.CreateDirectory(ScreenshotFolder);
        await _host.InitializeAsync();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            // Root in CI containers: Chromium's sandbox needs a user namespace it may not get.
            Args = ["--no-sandbox", "--disable-dev-shm-usage"],
        });
        // The machine is shared and slow: generous waits for conditions, never fixed sleeps.
        Assertions.SetDefaultExpectTimeout(60_000);
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        await _host.DisposeAsync();
    }

    /// <summary>A new MSP account: its key, and an API client with it (to arrange data and to check what the console did).</summary>
    public async Task<(string Key, HttpClient Api)> NewAccountAsync()
    {
        var created = await _host.Services.GetRequiredService<AccountService>().CreateAsync("Console test", Plan.Msp, CancellationToken.None);
        var api = _host.AnonymousClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", created.ApiKey);
        return (created.ApiKey, api);
    }

    /// <summary>A browser tab on the console; with a key, already signed in (the key in sessionStorage, as after sign-in).</summary>
    public async Task<IPage> OpenAsync(string? key = null, string? lang = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            AcceptDownloads = true,
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        context.SetDefaultTimeout(60_000);
        if (key is not null) await context.AddInitScriptAsync($"sessionStorage.setItem('tenancy.apiKey', '{key}');");
        if (lang is not null) await context.AddInitScriptAsync($"localStorage.setItem('tenancy.lang', '{lang}');");
        var page = await context.NewPageAsync();
        // The browser's console and errors, for diagnosing a failure: TestResults/console/browser.log.
        page.Console += (_, m) => Log($"{m.Type}: {m.Text}");
        page.PageError += (_, e) => Log($"pageerror: {e}");
        page.Response += (_, r) => { if (r.Status >= 400) Log($"{r.Status} {r.Request.Method} {r.Url}"); };
        return page;
    }

    private static readonly Lock LogLock = new();

    private static void Log(string line)
    {
        lock (LogLock) File.AppendAllText(Path.Combine(ScreenshotFolder, "browser.log"), $"{DateTime.UtcNow:O} {line}{Environment.NewLine}");
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Tenancy.slnf"))) dir = dir.Parent;
        return dir?.FullName ?? AppContext.BaseDirectory;
    }
}

[CollectionDefinition(Name)]
public sealed class ConsoleCollection : ICollectionFixture<ConsoleFixture>
{
    public const string Name = "console";
}
