using System.Diagnostics;

namespace Tenancy.Local.Azurite;

/// <summary>
/// Runs Azurite from the repository's pinned npm package, installing it first if needed
/// (<c>npm ci</c>, under a file lock so that parallel test runs install once).
/// </summary>
public sealed class AzuriteProcess : IAsyncDisposable
{
    private readonly Process _process;

    private AzuriteProcess(Process process, AzuriteEndpoints endpoints)
    {
        _process = process;
        Endpoints = endpoints;
    }

    public AzuriteEndpoints Endpoints { get; }

    /// <param name="dataFolder">Where Azurite keeps its data; null keeps it in memory (tests).</param>
    public static async Task<AzuriteProcess> StartAsync(AzuriteEndpoints endpoints, string? dataFolder, TextWriter log, CancellationToken cancellationToken = default)
    {
        var root = RepositoryRoot.Path;
        var script = await EnsureInstalledAsync(root, log, cancellationToken);
        var info = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = root,
        };
        foreach (var arg in new[]
                 {
                     script, "--silent", "--skipApiVersionCheck", "--loose", "--disableProductStyleUrl",
                     "--blobHost", "127.0.0.1", "--blobPort", endpoints.BlobPort.ToString(),
                     "--queueHost", "127.0.0.1", "--queuePort", endpoints.QueuePort.ToString(),
                     "--tableHost", "127.0.0.1", "--tablePort", endpoints.TablePort.ToString(),
                 })
            info.ArgumentList.Add(arg);
        if (dataFolder is null)
            info.ArgumentList.Add("--inMemoryPersistence");
        else
        {
            Directory.CreateDirectory(dataFolder);
            info.ArgumentList.Add("--location");
            info.ArgumentList.Add(dataFolder);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start node; is Node.js installed?");
        var errors = new System.Text.StringBuilder();
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (errors) errors.AppendLine(e.Data); };
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();

        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!endpoints.AllListening())
        {
            if (process.HasExited)
                throw new InvalidOperationException($"Azurite exited with code {process.ExitCode}: {errors}");
            if (DateTime.UtcNow > deadline)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"Azurite did not open its ports within 60 s: {errors}");
            }
            await Task.Delay(100, cancellationToken);
        }
        return new AzuriteProcess(process, endpoints);
    }

    private static async Task<string> EnsureInstalledAsync(string root, TextWriter log, CancellationToken cancellationToken)
    {
        var script = Path.Combine(root, "node_modules", "azurite", "dist", "src", "azurite.js");
        if (File.Exists(script)) return script;

        Directory.CreateDirectory(Path.Combine(root, ".local"));
        await using var installLock = await AcquireLockAsync(Path.Combine(root, ".local", "npm-install.lock"), cancellationToken);
        if (File.Exists(script)) return script;

        log.WriteLine("Installing Azurite from npm (npm ci)...");
        var npm = Process.Start(new ProcessStartInfo("npm", "ci --no-audit --no-fund")
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException("Could not start npm; is Node.js installed?");
        var output = npm.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = npm.StandardError.ReadToEndAsync(cancellationToken);
        await npm.WaitForExitAsync(cancellationToken);
        if (npm.ExitCode != 0 || !File.Exists(script))
            throw new InvalidOperationException($"npm ci failed ({npm.ExitCode}): {await output}{await error}");
        return script;
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

    /// <summary>Stops Azurite gracefully (SIGTERM lets it flush its data to disk), then forcibly.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_process.HasExited) return;
        try
        {
            using var term = Process.Start("kill", ["-TERM", _process.Id.ToString()]);
            term?.WaitForExit(2000);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (Exception ex) when (ex is OperationCanceledException or System.ComponentModel.Win32Exception)
        {
            _process.Kill(entireProcessTree: true);
        }
        _process.Dispose();
    }
}
