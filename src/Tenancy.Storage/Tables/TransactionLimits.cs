using Tenancy.Core.Common;

namespace Tenancy.Storage.Tables;

/// <summary>
/// The service's entity group transaction limits. Azurite does not enforce all of them, so we do,
/// before sending, to fail the same way locally as in Azure.
/// </summary>
public static class TransactionLimits
{
    public const int MaxActions = 100;

    /// <summary>What our own writes may use: one action is kept for the caller's key check (<see cref="TableTransactions"/>).</summary>
    public const int MaxOwnActions = MaxActions - 1;
    public const int MaxPayloadBytes = 4 * 1024 * 1024;

    public static void Check(int actionCount, long approximateBytes)
    {
        if (actionCount > MaxActions)
            throw ValidationException.For("", $"This change touches {actionCount} stored rows; one change can touch at most {MaxActions}. Split it into smaller changes.");
        if (approximateBytes > MaxPayloadBytes)
            throw ValidationException.For("", "This change is too large to be written at once. Split it into smaller changes.");
    }
}
