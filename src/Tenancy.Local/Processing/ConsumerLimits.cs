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
    /// Tickets: as many as chunks. 32 in flight (24 of one account) routed 500 and 1000 tickets faster but 2000 slower
    /// (9–12 per s against 17) on the shared two-core machine, so the limit stays here until measured on a quiet one.
    /// </summary>
    public static readonly ConsumerLimits Tickets = new(12, 8);
}
