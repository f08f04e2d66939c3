using System.Diagnostics;

namespace Tenancy.Local.Azurite;

/// <summary>
/// Runs Azurite from the repository's pinned npm package, installing it first if needed (<see cref="NpmPackages"/>).
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

    /// <summary>
    /// Starts Azurite on free loopback ports. A port found free can be taken by another process before Azurite binds it
    /// (test assemblies run side by side, and outgoing connections draw from the same range), so a start that loses
    /// that race is tried again on other ports.
    /// </summary>
    public static async Task<AzuriteProcess> StartOnFreePortsAsync(string? dataFolder, TextWriter log, CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await StartAsync(AzuriteEndpoints.FreePorts(), dataFolder, log, cancellationToken);
            }
            catch (AzuriteStartException e) when (e.PortTaken && attempt < 5)
            {
            }
        }
    }

    /// <param name="dataFolder">Where Azurite keeps its data; null keeps it in memory (tests).</param>
    public static async Task<AzuriteProcess> StartAsync(AzuriteEndpoints endpoints, string? dataFolder, TextWriter log, CancellationToken cancellationToken = default)
    {
        var root = RepositoryRoot.Path;
        var script = await EnsureInstalledAsync(log, cancellationToken);
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
                throw new AzuriteStartException($"Azurite exited with code {process.ExitCode}: {errors}", errors.ToString().Contains("EADDRINUSE"));
            if (DateTime.UtcNow > deadline)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"Azurite did not open its ports within 60 s: {errors}");
            }
            await Task.Delay(100, cancellationToken);
        }
        return new AzuriteProcess(process, endpoints);
    }

    private static async Task<string> EnsureInstalledAsync(TextWriter log, CancellationToken cancellationToken)
    {
        await NpmPackages.EnsureInstalledAsync(log, cancellationToken);
        return NpmPackages.PathOf("azurite", Path.Combine("dist", "src", "azurite.js"));
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

/// <summary>Azurite stopped before it opened its ports; <see cref="PortTaken"/> when another process held one of them.</summary>
public sealed class AzuriteStartException(string message, bool portTaken) : InvalidOperationException(message)
{
    public bool PortTaken { get; } = portTaken;
}
