namespace Tenancy.Local.Processing;

/// <summary>
/// How the local queue consumer retries a message whose handler throws (section <c>TENANCY_QUEUES</c>), as a Service
/// Bus queue's <c>maxDeliveryCount</c> does in Azure: after <see cref="MaxDeliveries"/> failed deliveries the message
/// goes to its poison queue with the last error, waiting 1, 2, 4… s (at most <see cref="MaxRetryDelay"/>) between them.
/// </summary>
public sealed class QueueRetryOptions
{
    public const string Section = "TENANCY_QUEUES";

    public int MaxDeliveries { get; set; } = 5;
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(1);
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a poison record (which holds the message's body: a sender, contacts) is kept before the queue drops it (R15).</summary>
    public int PoisonRetentionDays { get; set; } = 14;

    /// <summary>How long a failed message stays hidden before its next delivery.</summary>
    public TimeSpan RetryDelay(long failedDeliveries)
    {
        var exponent = Math.Clamp(failedDeliveries - 1, 0, 20);
        var delay = FirstRetryDelay * Math.Pow(2, exponent);
        return delay < MaxRetryDelay ? delay : MaxRetryDelay;
    }
}
