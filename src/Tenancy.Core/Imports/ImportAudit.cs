using Tenancy.Core.Audit;
using Tenancy.Core.Common;

namespace Tenancy.Core.Imports;

/// <summary>
/// The entry of a new import job. Jobs live in another table than the audit log, so no transaction holds both: the
/// entry follows the job, with an id and a time derived from the job, and is written again by every path that meets
/// the job (the upload, and the blob stage, in either order; a redelivered blob); <see cref="IAuditLog.AppendOnceAsync"/>
/// keeps the first. Its actor is the one who uploaded the file through the API, which the blob keeps
/// (<see cref="ImportUploader"/>), whichever path writes first; for a blob dropped by hand, the system acting for the import.
/// </summary>
public static class ImportAudit
{
    public static AuditEntry Created(ImportJob job, AuditActor? uploadedBy) => new(
        Ids.Derived("aud", job.AccountId, job.Id),
        // Whole seconds: the time read back from storage may be less precise than the one written.
        new DateTimeOffset(job.CreatedAt.UtcTicks - job.CreatedAt.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero),
        uploadedBy ?? AuditActors.Current(job.Id),
        AuditActions.ImportCreated, AuditTargets.Import, job.Id, null,
        AuditSnapshots.Json(new { job.Id, job.FileName, job.BlobName }));

    /// <summary>
    /// The entry of a request to undo the import, naming who asked. A retried request by the same actor within the same
    /// second keeps one entry; another request, later or by someone else, is recorded too.
    /// </summary>
    public static AuditEntry UndoRequested(ImportJob job, AuditActor requestedBy, DateTimeOffset now)
    {
        var at = new DateTimeOffset(now.UtcTicks - now.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
        return new(Ids.Derived("aud", job.AccountId, job.Id, "undo", requestedBy.Id, at.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture)),
            at, requestedBy, AuditActions.ImportUndoRequested, AuditTargets.Import, job.Id, null,
            AuditSnapshots.Json(new { job.Id, job.FileName, job.CreatedCount }));
    }
}
