using Tenancy.Core.Common;

namespace Tenancy.Storage.Tables;

/// <summary>
/// The service's entity group transaction limits. Azurite does not enforce all of them, so we do,
/// before sending, to fail the same way locally as in Azure.
/// </summary>
public static class TransactionLimits
{
    public const int MaxActions = 100;

    /// <summary>The action kept in every transaction for the caller's key check (<see cref="TableTransactions"/>).</summary>
    public const int KeyCheckActions = 1;

    /// <summary>The action kept in every transaction for the audit entry of its change (<see cref="Audit.AuditRows"/>).</summary>
    public const int AuditActions = 1;

    /// <summary>What a change's own rows may use, beside its key check and its audit entry.</summary>
    public const int MaxOwnActions = MaxActions - KeyCheckActions - AuditActions;
    public const int MaxPayloadBytes = 4 * 1024 * 1024;

    public static void Check(int actionCount, long approximateBytes)
    {
        if (actionCount > MaxActions)
            throw ValidationException.For("", $"This change touches {actionCount} stored rows; one change can touch at most {MaxActions}. Split it into smaller changes.");
        if (approximateBytes > MaxPayloadBytes)
            throw ValidationException.For("", "This change is too large to be written at once. Split it into smaller changes.");
    }
}
