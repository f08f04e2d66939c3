using Tenancy.Core.Imports;
using Tenancy.Storage.Imports;

namespace Tenancy.Local.Processing;

/// <summary>
/// The local stand-in for the Event Grid blob trigger: lists <c>tenant-imports</c> every half second and hands
/// each new or changed blob to the same handler. Seeing a blob again is harmless: its job id is its name and tag.
/// </summary>
public sealed class BlobPoller(BlobImportFileStore files, ImportProcessor processor, ILogger<BlobPoller> logger) : BackgroundService
{
    private readonly Dictionary<string, string> _handled = new(StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await foreach (var blob in files.Container.GetBlobsAsync(cancellationToken: stoppingToken))
                {
                    var etag = blob.Properties.ETag?.ToString() ?? "";
                    if (_handled.TryGetValue(blob.Name, out var seen) && seen == etag) continue;
                    try
                    {
                        await processor.HandleBlobAsync(blob.Name, stoppingToken);
                        _handled[blob.Name] = etag;
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        logger.LogWarning(ex, "Import of blob {Blob} failed; it will be retried", blob.Name);
                    }
                }
                await Task.Delay(500, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Listing tenant-imports failed; retrying");
                await Task.Delay(1000, stoppingToken);
            }
        }
    }
}
