using Tenancy.Core.Audit;
using Tenancy.Core.Tickets;

namespace Tenancy.Core.PersonalData;

/// <summary>A kept import file (a blob of the account's folder) and its import job.</summary>
public sealed record KeptImportFile(string BlobName, string ImportId, DateTimeOffset StoredAt);

/// <summary>An import job whose stored records (errors, chunk results, stored failed rows, ledger) hold a person's values.</summary>
public sealed record ImportRecordTrace(string ImportId, IReadOnlyList<string> Places);

/// <summary>
/// The places of personal data (R15) that no use case's own port reaches: the audit log, the records of import jobs,
/// the kept import files, the ticket assignments by sender, and the durable record of an erasure under way.
/// Every rewrite keeps the place (an entry, a job, an assignment) and replaces the person's values with the pseudonym.
/// </summary>
public interface IPersonalDataStore
{
    /// <summary>Entries whose values or actor hold the terms, newest first, at most <paramref name="max"/>.</summary>
    Task<IReadOnlyList<AuditEntry>> FindAuditEntriesAsync(string accountId, PersonalTerms terms, int max, CancellationToken cancellationToken);

    /// <summary>Rewrites every entry that holds the terms; the number rewritten (none when asked again).</summary>
    Task<int> ScrubAuditEntriesAsync(string accountId, PersonalTerms terms, CancellationToken cancellationToken);

    /// <summary>The import jobs whose stored records hold the terms, and where.</summary>
    Task<IReadOnlyList<ImportRecordTrace>> FindImportRecordsAsync(string accountId, PersonalTerms terms, CancellationToken cancellationToken);

    /// <summary>Rewrites the import records that hold the terms; the jobs touched.</summary>
    Task<IReadOnlyList<string>> ScrubImportRecordsAsync(string accountId, PersonalTerms terms, CancellationToken cancellationToken);

    /// <summary>The account's kept import files.</summary>
    Task<IReadOnlyList<KeptImportFile>> ListImportFilesAsync(string accountId, CancellationToken cancellationToken);

    /// <summary>A kept file's bytes, or null once it is gone.</summary>
    Task<byte[]?> ReadImportFileAsync(string blobName, CancellationToken cancellationToken);

    /// <summary>Deletes a kept file; nothing when it is gone already.</summary>
    Task DeleteImportFileAsync(string blobName, CancellationToken cancellationToken);

    /// <summary>Assignments of tickets from a sender (by email key), read through the sender index written with them.</summary>
    Task<IReadOnlyList<TicketAssignment>> FindAssignmentsFromAsync(string accountId, string emailKey, CancellationToken cancellationToken);

    /// <summary>
    /// Forgets a sender: each of its assignments keeps its ticket id and tenant with the terms scrubbed from its reason,
    /// and its index rows are deleted; the number of assignments.
    /// </summary>
    Task<int> ForgetSenderAsync(string accountId, PersonalTerms terms, CancellationToken cancellationToken);

    /// <summary>The erasure under way for an email key, or null.</summary>
    Task<ErasureRecord?> FindErasureAsync(string accountId, string emailKey, CancellationToken cancellationToken);

    /// <summary>Writes the erasure record (its steps done so far).</summary>
    Task SaveErasureAsync(string accountId, ErasureRecord erasure, CancellationToken cancellationToken);

    /// <summary>Deletes the erasure record once every step is done; nothing when it is gone already.</summary>
    Task DeleteErasureAsync(string accountId, string emailKey, CancellationToken cancellationToken);
}
