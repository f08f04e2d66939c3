namespace Tenancy.Local.Processing;

/// <summary>
/// How many messages a queue consumer handles side by side, and at most how many of one account, so that one account's
/// burst leaves slots to the others' messages (<see cref="AccountTurns{T}"/>).
/// </summary>
public sealed record ConsumerLimits(int MaxConcurrent, int MaxConcurrentPerAccount)
{
    /// <summary>Import chunks: each one a few transactions of up to 100 rows; four slots stay free for other accounts.</summary>
    public static readonly ConsumerLimits Default = new(12, 8);

    /// <summary>
    /// Tickets: each one a few small storage calls, mostly waited on, so many in flight keep storage busy, as a Service
    /// Bus trigger with a high <c>maxConcurrentCalls</c> does; eight slots stay free for other accounts.
    /// </summary>
    public static readonly ConsumerLimits Tickets = new(32, 24);
}
