namespace Tenancy.Core.Common;

/// <summary>
/// The app's one policy for optimistic-concurrency retries: an attempt that lost a race
/// (<see cref="ConcurrencyException"/>) runs again on fresh data after a short jittered pause, a bounded number
/// of times; the last loss reaches the caller as <c>409 concurrent-change</c>. Transient storage faults are the
/// Azure SDK's retry options' job, not this one's.
/// </summary>
public static class ConcurrencyRetry
{
    public const int MaxAttempts = 10;

    public static async Task<T> RunAsync<T>(Func<Task<T>> attempt, CancellationToken cancellationToken)
    {
        for (var i = 1; ; i++)
        {
            try
            {
                return await attempt();
            }
            catch (ConcurrencyException) when (i < MaxAttempts)
            {
                // Jitter spreads the losers of one race apart so that they do not collide again.
                await Task.Delay(Random.Shared.Next(5, 20 * i), cancellationToken);
            }
        }
    }

    public static Task RunAsync(Func<Task> attempt, CancellationToken cancellationToken) =>
        RunAsync(async () => { await attempt(); return true; }, cancellationToken);
}
