using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Tenancy.Local.Azurite;

/// <summary>
/// The repository's pinned npm tools (package.json, package-lock.json): Azurite, and the OpenAPI linters the tests run.
/// Installs them with <c>npm ci</c> when any is missing or at another version, and applies the repository's
/// <c>patches/</c> (<see cref="NpmPatches"/>) when they are not, under a file lock so that parallel test runs install once.
/// </summary>
public static class NpmPackages
{
    public static async Task EnsureInstalledAsync(TextWriter log, CancellationToken cancellationToken = default)
    {
        var root = RepositoryRoot.Path;
        if (VersionsInstalled(root) && NpmPatches.Applied(root)) return;

        Directory.CreateDirectory(Path.Combine(root, ".local"));
        await using var installLock = await AcquireLockAsync(Path.Combine(root, ".local", "npm-install.lock"), cancellationToken);
        if (!VersionsInstalled(root))
        {
            log.WriteLine("Installing the pinned npm tools (npm ci)...");
            await RunAsync(root, "npm", "ci --no-audit --no-fund", cancellationToken);
        }
        // npm ci applies them after installing, unless install scripts are off.
        if (!NpmPatches.Applied(root))
        {
            log.WriteLine("Applying patches/ to the npm tools (patch-package)...");
            await RunAsync(root, "node", $"\"{PathOf("patch-package", "index.js")}\" --error-on-fail", cancellationToken);
        }
        if (!VersionsInstalled(root) || !NpmPatches.Applied(root))
            throw new InvalidOperationException("The pinned npm tools are not installed as package.json and patches/ say, even after npm ci and patch-package.");
    }

    /// <summary>A file of an installed package, e.g. <c>("azurite", "dist/src/azurite.js")</c>.</summary>
    public static string PathOf(string package, string file) => Path.Combine(RepositoryRoot.Path, "node_modules", package, file);

    private static bool VersionsInstalled(string root)
    {
        var pinned = JsonNode.Parse(File.ReadAllText(Path.Combine(root, "package.json")))!["devDependencies"]!.AsObject();
        return pinned.All(p =>
        {
            var installed = Path.Combine(root, "node_modules", p.Key, "package.json");
            return File.Exists(installed) && (string?)JsonNode.Parse(File.ReadAllText(installed))!["version"] == (string?)p.Value;
        });
    }

    private static async Task RunAsync(string root, string command, string arguments, CancellationToken cancellationToken)
    {
        var process = Process.Start(new ProcessStartInfo(command, arguments)
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException($"Could not start {command}; is Node.js installed?");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{command} {arguments} failed ({process.ExitCode}): {await output}{await error}");
    }

    private static async Task<FileStream> AcquireLockAsync(string path, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException)
            {
                await Task.Delay(250, cancellationToken);
            }
        }
    }
}
