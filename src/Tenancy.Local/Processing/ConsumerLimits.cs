namespace Tenancy.Local.Processing;

/// <summary>
/// How many messages a queue consumer handles side by side, and at most how many of one account, so that one account's
/// burst leaves slots to the others' messages (<see cref="AccountTurns{T}"/>). A consumer with <see cref="MaxBatch"/>
/// above one hands its handler up to that many messages of one account at once, which hold their slots until the whole
/// batch is done; the batches of one account share <see cref="InFlightPerAccount"/> slots for the messages being settled.
/// </summary>
public sealed record ConsumerLimits(int MaxConcurrent, int MaxConcurrentPerAccount)
{
    public int MaxBatch { get; init; } = 1;
    public int InFlightPerAccount { get; init; } = 1;

    /// <summary>Import chunks: each one a few transactions of up to 100 rows; four slots stay free for other accounts.</summary>
    public static readonly ConsumerLimits Default = new(12, 8);

    /// <summary>
    /// Tickets: a batch of up to 32 of one account (what one receive hands out) costs a few index reads and one
    /// transaction for all, then each ticket's publish and delete, 8 tickets of the account at a time (the in-flight count
    /// measured best in session 3, and the baseline's). Two batches of an account run at once, so that one's reads
    /// overlap the other's publishing; two accounts' side by side.
    /// </summary>
    public static readonly ConsumerLimits Tickets = new(128, 64) { MaxBatch = 32, InFlightPerAccount = 8 };
}
