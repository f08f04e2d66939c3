using Microsoft.AspNetCore.Hosting.StaticWebAssets;

namespace Tenancy.Local;

/// <summary>
/// Serves the web console (src/Tenancy.Console) at <c>/</c>, same origin as <c>/api</c>. The console's
/// files come from its static web assets (this project references it); its client-side routes answer
/// index.html so a reload or a shared link works, and nothing under <c>/api</c> is ever answered by it.
/// </summary>
public static class ConsoleHosting
{
    /// <summary>The console's pages (Tenancy.Console/Pages); every other path is the API's or a 404.</summary>
    public static readonly IReadOnlyList<string> Pages =
        ["", "tenants/{**rest}", "device-groups/{**rest}", "imports/{**rest}", "routing/{**rest}", "agents/{**rest}", "audit/{**rest}",
         "signing-keys", "not-found"];

    /// <summary>Finds the console's files from the build output, also when the host runs inside a test process.</summary>
    public static void UseConsoleAssets(this WebApplicationBuilder builder) =>
        StaticWebAssetsLoader.UseStaticWebAssets(builder.Environment, builder.Configuration);

    public static void MapConsole(this WebApplication app)
    {
        app.MapStaticAssets(ManifestPath());
        foreach (var page in Pages) app.MapFallbackToFile(page, "index.html");
    }

    private static string ManifestPath() =>
        Path.Combine(AppContext.BaseDirectory, $"{typeof(ConsoleHosting).Assembly.GetName().Name}.staticwebassets.endpoints.json");
}
