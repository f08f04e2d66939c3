namespace Tenancy.Core.Imports;

public enum LedgerOutcome { Created, Updated, Unchanged }

/// <summary>
/// What an import did to one tenant, kept so that the import can be undone (R12): for a tenant it created, what it
/// wrote; for one it updated, the tenant before and after. Kept per chunk, so an undo goes chunk by chunk too.
/// </summary>
public sealed record LedgerEntry(string TenantId, string TenantName, LedgerOutcome Outcome, TenantSnapshot? Before, TenantSnapshot? After);

/// <summary>An import's bookkeeping, one entry per tenant it created or updated, grouped by the chunk that did it.</summary>
public interface IImportLedger
{
    Task<LedgerEntry?> FindAsync(string accountId, string importId, int chunk, string tenantId, CancellationToken cancellationToken);

    /// <summary>Writes the entry unless one exists for the tenant, and returns the stored one: the first write wins.</summary>
    Task<LedgerEntry> AddAsync(string accountId, string importId, int chunk, LedgerEntry entry, CancellationToken cancellationToken);

    /// <summary>Writes entries, replacing those there (for entries that are the same whenever they are written).</summary>
    Task SaveAsync(string accountId, string importId, int chunk, IReadOnlyList<LedgerEntry> entries, CancellationToken cancellationToken);

    Task<IReadOnlyList<LedgerEntry>> ListAsync(string accountId, string importId, int chunk, CancellationToken cancellationToken);
}
