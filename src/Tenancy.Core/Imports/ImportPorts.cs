using Tenancy.Core.Common;

namespace Tenancy.Core.Imports;

/// <summary>Reads a template file (implemented with ClosedXML at the edge).</summary>
public interface ITemplateReader
{
    Task<TemplateReadResult> ReadAsync(Stream file, CancellationToken cancellationToken);
}

/// <summary>Writes the import template (R7).</summary>
public interface ITemplateWriter
{
    byte[] Create(TemplateLanguage language);
}

/// <summary>Writes an import's refused rows as a template plus an error column (R9).</summary>
public interface IErrorReportWriter
{
    byte[] Create(TemplateLanguage language, IEnumerable<FailedRow> rows);
}

/// <summary>A stored template file; <see cref="Mode"/> is what its blob metadata or name asks for (<see cref="ImportModes"/>).</summary>
public sealed record StoredFile(string Name, string ETag, long Size)
{
    public ImportMode Mode { get; init; } = ImportModes.FromName(Name);

    /// <summary>Who uploaded it through the API (<see cref="ImportUploader"/>); null for a blob dropped by hand.</summary>
    public Audit.AuditActor? UploadedBy { get; init; }
}

/// <summary>Template files in the <c>tenant-imports</c> container, named <c>{accountId}/{file}</c>.</summary>
public interface IImportFileStore
{
    Task<StoredFile> UploadAsync(string blobName, Stream content, CancellationToken cancellationToken) =>
        UploadAsync(blobName, content, ImportMode.Create, null, cancellationToken);

    Task<StoredFile> UploadAsync(string blobName, Stream content, ImportMode mode, CancellationToken cancellationToken) =>
        UploadAsync(blobName, content, mode, null, cancellationToken);

    /// <summary>
    /// Stores the file with its mode in the blob's metadata (<c>mode=upsert</c>), as a user may set it on a drop, and who
    /// uploaded it (<see cref="ImportUploader"/>).
    /// </summary>
    Task<StoredFile> UploadAsync(string blobName, Stream content, ImportMode mode, Audit.AuditActor? uploadedBy, CancellationToken cancellationToken);

    Task<StoredFile?> FindAsync(string blobName, CancellationToken cancellationToken);

    /// <summary>The file's bytes if it still has the given tag (so a job reads exactly the blob it was made for).</summary>
    Task<byte[]?> DownloadAsync(string blobName, string etag, CancellationToken cancellationToken);
}

public interface IImportJobStore
{
    /// <summary>Writes the job if it does not exist yet, and returns the stored one either way.</summary>
    Task<ImportJob> AddOrGetAsync(ImportJob job, CancellationToken cancellationToken);

    /// <summary>The job with its first <see cref="ImportEchoes.Inline"/> errors and warnings, its counts and its chunk results.</summary>
    Task<ImportJob?> FindAsync(string accountId, string importId, CancellationToken cancellationToken);

    /// <summary>The job with every error, warning and refusal (for its error report).</summary>
    Task<ImportJob?> FindCompleteAsync(string accountId, string importId, CancellationToken cancellationToken);

    /// <summary>A page of the job's errors: the file stage's by row, then those met while creating tenants.</summary>
    Task<ResultPage<ImportIssue>> ListErrorsAsync(string accountId, string importId, PageRequest page, CancellationToken cancellationToken);

    /// <summary>One page of the account's jobs created since <paramref name="createdSince"/>, newest first.</summary>
    Task<ResultPage<ImportJob>> ListAsync(string accountId, DateTimeOffset createdSince, PageRequest page, CancellationToken cancellationToken);

    /// <summary>Deletes up to <paramref name="maxJobs"/> jobs created before <paramref name="cutoff"/>, with everything recorded for them.</summary>
    Task<int> DeleteCreatedBeforeAsync(string accountId, DateTimeOffset cutoff, int maxJobs, CancellationToken cancellationToken);

    /// <summary>Writes the file stage of a job (status, counts, the file's own errors and warnings).</summary>
    Task SaveStageAsync(ImportJob job, CancellationToken cancellationToken);

    /// <summary>Writes a chunk's result once; a second write of the same chunk is ignored.</summary>
    Task AddChunkResultAsync(string accountId, string importId, ChunkResult result, CancellationToken cancellationToken);

    /// <summary>Stores a finished job's failed rows, so that its error report is not made from the file again.</summary>
    Task SaveFailedRowsAsync(string accountId, string importId, IReadOnlyList<FailedRow> rows, CancellationToken cancellationToken);

    /// <summary>The stored failed rows, or null when none were stored.</summary>
    Task<IReadOnlyList<FailedRow>?> FindFailedRowsAsync(string accountId, string importId, CancellationToken cancellationToken);

    Task<bool> HasChunkResultAsync(string accountId, string importId, int chunk, CancellationToken cancellationToken);

    /// <summary>Writes what undoing a chunk did, once; a second write of the same chunk is ignored.</summary>
    Task AddUndoResultAsync(string accountId, string importId, UndoResult result, CancellationToken cancellationToken);

    Task<bool> HasUndoResultAsync(string accountId, string importId, int chunk, CancellationToken cancellationToken);
}
