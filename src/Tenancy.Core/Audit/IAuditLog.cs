using Tenancy.Core.Common;

namespace Tenancy.Core.Audit;

/// <summary>What <c>GET /api/audit</c> filters on; every filter is applied in the storage query.</summary>
public sealed record AuditQuery(DateTimeOffset? From, DateTimeOffset? To, string? TargetId, string? ActorId);

/// <summary>
/// The account's audit log. Entries of table writes are written by the stores, inside the transaction of their
/// change; this port reads them, and appends the few whose change lives in another table (an import job).
/// </summary>
public interface IAuditLog
{
    /// <summary>Entries newest first, one page at a time.</summary>
    Task<ResultPage<AuditEntry>> ListAsync(string accountId, AuditQuery query, PageRequest page, CancellationToken cancellationToken);

    /// <summary>Writes an entry unless one with its id and time is already there (a repeated write keeps the first).</summary>
    Task AppendOnceAsync(string accountId, AuditEntry entry, CancellationToken cancellationToken);
}
