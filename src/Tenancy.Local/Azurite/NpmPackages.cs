using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Tenancy.Local.Azurite;

/// <summary>
/// The repository's pinned npm tools (package.json, package-lock.json): Azurite, and the OpenAPI linters the tests run.
/// Installs them with <c>npm ci</c> when any is missing, at another version or without the repository's
/// <c>patches/</c> applied (<c>npm ci</c> runs patch-package after installing), under a file lock so that parallel test
/// runs install once.
/// </summary>
public static class NpmPackages
{
    public static async Task EnsureInstalledAsync(TextWriter log, CancellationToken cancellationToken = default)
    {
        var root = RepositoryRoot.Path;
        if (AllInstalled(root)) return;

        Directory.CreateDirectory(Path.Combine(root, ".local"));
        await using var installLock = await AcquireLockAsync(Path.Combine(root, ".local", "npm-install.lock"), cancellationToken);
        if (AllInstalled(root)) return;

        log.WriteLine("Installing the pinned npm tools (npm ci)...");
        var npm = Process.Start(new ProcessStartInfo("npm", "ci --no-audit --no-fund")
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException("Could not start npm; is Node.js installed?");
        var output = npm.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = npm.StandardError.ReadToEndAsync(cancellationToken);
        await npm.WaitForExitAsync(cancellationToken);
        if (npm.ExitCode != 0 || !AllInstalled(root))
            throw new InvalidOperationException($"npm ci failed ({npm.ExitCode}): {await output}{await error}");
    }

    /// <summary>A file of an installed package, e.g. <c>("azurite", "dist/src/azurite.js")</c>.</summary>
    public static string PathOf(string package, string file) => Path.Combine(RepositoryRoot.Path, "node_modules", package, file);

    private static bool AllInstalled(string root)
    {
        var pinned = JsonNode.Parse(File.ReadAllText(Path.Combine(root, "package.json")))!["devDependencies"]!.AsObject();
        return pinned.All(p =>
        {
            var installed = Path.Combine(root, "node_modules", p.Key, "package.json");
            return File.Exists(installed) && (string?)JsonNode.Parse(File.ReadAllText(installed))!["version"] == (string?)p.Value;
        }) && PatchesApplied(root);
    }

    /// <summary>
    /// Whether each file a patch in <c>patches/</c> changes holds the patch's first added line: a node_modules
    /// installed before a patch existed (or with scripts off) has the versions right but not the patch.
    /// </summary>
    private static bool PatchesApplied(string root)
    {
        var patches = Path.Combine(root, "patches");
        if (!Directory.Exists(patches)) return true;
        foreach (var patch in Directory.EnumerateFiles(patches, "*.patch"))
        {
            string? target = null;
            var checkedTarget = false;
            foreach (var line in File.ReadLines(patch))
            {
                if (line.StartsWith("+++ b/", StringComparison.Ordinal))
                {
                    target = Path.Combine(root, line["+++ b/".Length..]);
                    checkedTarget = false;
                }
                else if (target is not null && !checkedTarget && line.StartsWith('+') && line[1..].Trim().Length > 0)
                {
                    if (!File.Exists(target) || !File.ReadAllText(target).Contains(line[1..], StringComparison.Ordinal)) return false;
                    checkedTarget = true;
                }
            }
        }
        return true;
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
