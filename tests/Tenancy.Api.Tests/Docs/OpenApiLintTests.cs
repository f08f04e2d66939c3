using System.Diagnostics;
using System.Text.Json.Nodes;
using Tenancy.Http.OpenApi;
using Tenancy.Local;
using Tenancy.Local.Azurite;

namespace Tenancy.Api.Tests.Docs;

/// <summary>
/// The document through Spectral (spectral:oas, .spectral.yaml) and Redocly (recommended, redocly.yaml), the versions
/// pinned in package.json: no error and no warning. A rule that is off says why in its file.
/// </summary>
public class OpenApiLintTests
{
    [Fact]
    public async Task Spectral_finds_nothing_to_report()
    {
        var document = await WriteDocumentAsync();

        var output = await RunNodeAsync(NpmPackages.PathOf("@stoplight/spectral-cli", "dist/index.js"),
            "lint", document, "--ruleset", Path.Combine(RepositoryRoot.Path, ".spectral.yaml"), "--format", "json", "--quiet");

        var problems = JsonNode.Parse(output[output.IndexOf('[')..])!.AsArray();
        Assert.True(problems.Count == 0, string.Join("\n", problems.Select(p => $"{p!["code"]}: {p["message"]} at {string.Join('.', p["path"]!.AsArray())}")));
    }

    [Fact]
    public async Task Redocly_finds_nothing_to_report()
    {
        var document = await WriteDocumentAsync();

        var output = await RunNodeAsync(NpmPackages.PathOf("@redocly/cli", "bin/cli.js"),
            "lint", document, "--config", Path.Combine(RepositoryRoot.Path, "redocly.yaml"), "--format", "json");

        var report = JsonNode.Parse(output[output.IndexOf('{')..])!;
        var problems = report["problems"]!.AsArray();
        Assert.True(problems.Count == 0, string.Join("\n", problems.Select(p => $"{p!["ruleId"]}: {p["message"]} at {p["location"]?[0]?["pointer"]}")));
    }

    private static async Task<string> WriteDocumentAsync()
    {
        var path = Path.Combine(Path.GetTempPath(), $"tenancy-openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, await new OpenApiDocumentSource().JsonAsync());
        return path;
    }

    private static async Task<string> RunNodeAsync(string script, params string[] arguments)
    {
        await NpmPackages.EnsureInstalledAsync(TextWriter.Null);
        var info = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepositoryRoot.Path };
        info.ArgumentList.Add(script);
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        // Neither tool may phone home from a test: these machines reach only the package registries.
        info.Environment["REDOCLY_TELEMETRY"] = "off";
        info.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
        info.Environment["SCARF_ANALYTICS"] = "false";
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        var json = await output;
        // The report is on stdout; stderr has notices (Node version, update hints) and, on failure, why.
        Assert.True(json.Contains('{') || json.Contains('['), $"no report from {Path.GetFileName(script)}: {await error}");
        return json;
    }
}
