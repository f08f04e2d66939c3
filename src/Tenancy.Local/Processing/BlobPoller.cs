using Tenancy.Core.Imports;
using Tenancy.Http.Logging;
using Tenancy.Storage.Imports;

namespace Tenancy.Local.Processing;

/// <summary>
/// The local stand-in for the Event Grid blob trigger: lists <c>tenant-imports</c> every half second and hands
/// new or changed blobs to the same handler, as <see cref="BlobSchedule"/> says: one blob per account at a time,
/// accounts in turn and side by side, failing blobs retried with growing delays and then given up, so one
/// account's bad or slow files do not delay another's. Seeing a blob again is harmless: its job id is its name and tag.
/// </summary>
public sealed class BlobPoller(BlobImportFileStore files, ImportProcessor processor, TimeProvider clock, ILogger<BlobPoller> logger) : BackgroundService
{
    private readonly BlobSchedule _schedule = new();
    private readonly Lock _lock = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var running = new List<Task>();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var listed = new List<(string, string)>();
                await foreach (var blob in files.Container.GetBlobsAsync(cancellationToken: stoppingToken))
                    listed.Add((blob.Name, blob.Properties.ETag?.ToString() ?? ""));
                lock (_lock)
                    running.AddRange(_schedule.Next(listed, clock.GetUtcNow()).Select(work => RunAsync(work, stoppingToken)));
                running.RemoveAll(t => t.IsCompleted);
                await Task.Delay(500, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Listing tenant-imports failed; retrying");
                await Task.Delay(1000, stoppingToken);
            }
        }
        await Task.WhenAll(running);
    }

    private async Task RunAsync(BlobSchedule.Work work, CancellationToken stoppingToken)
    {
        await Task.Yield(); // off the listing loop: a slow file takes its own thread, not everyone's turn
        // The blob's name holds the file's name, which may name a person: lines carry the import id instead.
        var slash = work.BlobName.IndexOf('/');
        using var scope = LogScopes.BeginImport(logger, slash > 0 ? work.BlobName[..slash] : "", ImportProcessor.JobId(work.BlobName, work.ETag));
        string? error = null;
        try
        {
            if (work.GiveUp)
            {
                await processor.GiveUpBlobAsync(work.BlobName, work.Failures, work.LastError ?? "unknown error", stoppingToken);
                logger.LogWarning("Import file failed {Failures} times; its job is set to failed", work.Failures);
            }
            else
            {
                logger.LogDebug("Handling import file (attempt {Attempt})", work.Failures + 1);
                await processor.HandleBlobAsync(work.BlobName, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            error = "the host stopped";
        }
        catch (Exception ex)
        {
            error = ex.Message;
            logger.LogWarning(ex, "Import file failed (attempt {Attempt}); it will be retried later", work.Failures + 1);
        }
        lock (_lock) _schedule.Finished(work, error, clock.GetUtcNow());
    }
}
