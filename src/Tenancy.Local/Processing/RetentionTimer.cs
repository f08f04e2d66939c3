using Tenancy.Core.PersonalData;

namespace Tenancy.Local.Processing;

/// <summary>The local stand-in for the Functions timer: runs the retention sweep (R15) at start and then every <see cref="RetentionSweep.Interval"/>.</summary>
public sealed class RetentionTimer(RetentionSweep sweep, TimeProvider clock, ILogger<RetentionTimer> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(RetentionSweep.Interval, clock);
        do
        {
            try
            {
                var result = await sweep.RunAsync(stoppingToken);
                logger.LogDebug("Retention deleted {Files} import files and {Rows} ticket rows", result.ImportFiles, result.TicketRows);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                // The next run deletes what this one could not.
                logger.LogWarning(ex, "The retention sweep failed; the next run finishes it");
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }
}
