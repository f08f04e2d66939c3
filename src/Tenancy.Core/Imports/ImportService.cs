using System.Text.RegularExpressions;
using Tenancy.Core.Accounts;
using Tenancy.Core.Common;
using Tenancy.Core.Tenants;

namespace Tenancy.Core.Imports;

/// <summary>The import use cases the API offers (R9): upload, validate, follow, list, and the failed-rows report.</summary>
public sealed partial class ImportService(
    IImportFileStore files, IImportJobStore jobs, ImportProcessor processor, ITemplateReader reader, TenantService tenants,
    ImportOptions options, TimeProvider clock, Accounts.ICallerKeyCheck callerKey, ImportUpserter upserter, ImportUndo undo, Audit.IAuditLog audit, TenancyMetrics metrics)
{
    /// <summary>
    /// Stores the file under the account's folder of the container and records a queued job. The file stage
    /// then runs exactly as for a blob dropped there by hand: both ways are one path.
    /// </summary>
    public async Task<ImportJob> UploadAsync(string accountId, string? fileName, Stream content, CancellationToken cancellationToken) =>
        await UploadAsync(accountId, fileName, content, ImportMode.Create, cancellationToken);

    public async Task<ImportJob> UploadAsync(string accountId, string? fileName, Stream content, ImportMode mode, CancellationToken cancellationToken)
    {
        // No table transaction guards the upload (KeyRevokedException), so the caller's key is checked first.
        await callerKey.EnsureCurrentAsync(cancellationToken);
        var blobName = $"{accountId}/{clock.GetUtcNow():yyyyMMdd-HHmmss}-{Guid.NewGuid().ToString("N")[..8]}-{SafeFileName(fileName)}";
        // The blob keeps who uploaded it: the blob stage may record the job before this call does, and names them too.
        var uploader = CallerScope.Current is null ? null : Audit.AuditActors.Current();
        var stored = await files.UploadAsync(blobName, content, mode, uploader, cancellationToken);
        var job = await processor.AddJobAsync(new ImportJob(ImportProcessor.JobId(blobName, stored.ETag), accountId, SafeFileName(fileName),
            blobName, ImportStatus.Queued, clock.GetUtcNow()) { Mode = mode }, uploader, cancellationToken);
        metrics.ImportCreated();
        return job;
    }

    /// <summary>Runs every check an import would run, conflicts with existing tenants included, and creates nothing.</summary>
    public async Task<ImportJob> ValidateAsync(string accountId, string? fileName, byte[] content, CancellationToken cancellationToken) =>
        await ValidateAsync(accountId, fileName, content, ImportMode.Create, cancellationToken);

    /// <summary>In upsert mode the report counts the tenants that would be created, updated and left unchanged.</summary>
    public async Task<ImportJob> ValidateAsync(string accountId, string? fileName, byte[] content, ImportMode mode, CancellationToken cancellationToken)
    {
        var job = new ImportJob("", accountId, SafeFileName(fileName), "", ImportStatus.Validated, clock.GetUtcNow()) { Mode = mode };
        var existing = mode == ImportMode.Upsert ? null : await ExistingNameKeysAsync(accountId, cancellationToken);
        var parsed = await processor.ParseAsync(job, content, existing, cancellationToken);
        if (parsed.Failure is not null) return parsed.Job;
        if (mode == ImportMode.Create) return parsed.Job with { Stage = ImportStatus.Validated };

        var language = TemplateLanguages.TryParse(parsed.Job.Language, out var l) ? l : TemplateLanguage.English;
        var file = parsed.Plan!.Tenants.Select(t => ImportChunker.ToChunkTenant("validate-only", t)).ToList();
        var preview = await upserter.PreviewAsync(accountId, "validate-only", file, language, cancellationToken);
        return parsed.Job with { Stage = ImportStatus.Validated, ChunkCount = 1, Chunks = [preview] };
    }

    public async Task<ImportJob> GetAsync(string accountId, string importId, CancellationToken cancellationToken) =>
        await SettledAsync(Kept(importId, Ids.LooksValid(importId) ? await jobs.FindAsync(accountId, importId, cancellationToken) : null), cancellationToken);

    /// <summary>The job, finished or failed first if it has stalled (<see cref="StaleJobs"/>).</summary>
    private async Task<ImportJob> SettledAsync(ImportJob job, CancellationToken cancellationToken)
    {
        if (StaleJobs.Settle(job, clock.GetUtcNow(), TimeSpan.FromMinutes(options.StaleJobMinutes)) is not { } settled) return job;
        await jobs.SaveStageAsync(settled, cancellationToken);
        return settled;
    }

    /// <summary>
    /// Starts undoing a finished import (or sends its missing undo chunks again); safe to repeat. Who asked is recorded
    /// first (<see cref="ImportAudit.UndoRequested"/>): the tenant deletions that follow run as the system, for the import.
    /// </summary>
    public async Task<ImportJob> UndoAsync(string accountId, string importId, CancellationToken cancellationToken)
    {
        await callerKey.EnsureCurrentAsync(cancellationToken);
        var job = await GetAsync(accountId, importId, cancellationToken);
        if (job.CanUndo) await audit.AppendOnceAsync(accountId, ImportAudit.UndoRequested(job, Audit.AuditActors.Current(), clock.GetUtcNow()), cancellationToken);
        return await undo.StartAsync(job, cancellationToken);
    }

    /// <summary>A page of the job's errors, all of them page after page (the job itself shows the first ones).</summary>
    public async Task<ResultPage<ImportIssue>> ListErrorsAsync(string accountId, string importId, PageRequest page, CancellationToken cancellationToken)
    {
        await GetAsync(accountId, importId, cancellationToken);
        return await jobs.ListErrorsAsync(accountId, importId, page, cancellationToken);
    }

    private ImportJob Kept(string importId, ImportJob? job) =>
        job is not null && job.CreatedAt >= RetentionCutoff
            ? job
            : throw new NotFoundException($"Import '{importId}' was not found (jobs are kept {options.JobRetentionDays} days).");

    /// <summary>A page of the account's jobs, newest first; the first page also deletes a few jobs past their retention.</summary>
    public async Task<ResultPage<ImportJob>> ListAsync(string accountId, PageRequest page, CancellationToken cancellationToken)
    {
        var cutoff = RetentionCutoff;
        if (page.ContinuationToken is null) await jobs.DeleteCreatedBeforeAsync(accountId, cutoff, maxJobs: 10, cancellationToken);
        var listed = await jobs.ListAsync(accountId, cutoff, page, cancellationToken);
        var settled = new List<ImportJob>(listed.Items.Count);
        foreach (var job in listed.Items) settled.Add(await SettledAsync(job, cancellationToken));
        return listed with { Items = settled };
    }

    private DateTimeOffset RetentionCutoff => clock.GetUtcNow().AddDays(-options.JobRetentionDays);

    /// <summary>
    /// The rows that were not imported, as the user wrote them, with why. Read from the uploaded file once the job
    /// has finished, then stored: later downloads do not parse the file again.
    /// </summary>
    public async Task<(TemplateLanguage Language, IReadOnlyList<FailedRow> Rows)> FailedRowsAsync(string accountId, string importId, CancellationToken cancellationToken)
    {
        var job = Kept(importId, Ids.LooksValid(importId) ? await jobs.FindCompleteAsync(accountId, importId, cancellationToken) : null);
        if (job.Failure is not null && job.ChunkCount == 0)
            throw new ConflictException($"This import failed as a whole, so it has no rows to report: {job.Failure.Message}", "import-failed");
        var language = TemplateLanguages.TryParse(job.Language, out var l) ? l : TemplateLanguage.English;
        if (await jobs.FindFailedRowsAsync(accountId, importId, cancellationToken) is { } stored) return (language, stored);

        var file = await files.FindAsync(job.BlobName, cancellationToken);
        var bytes = file is null ? null : await files.DownloadAsync(file.Name, file.ETag, cancellationToken);
        if (bytes is null) throw new NotFoundException($"The file of import '{importId}' is no longer stored.");

        using var stream = new MemoryStream(bytes, writable: false);
        var read = await reader.ReadAsync(stream, cancellationToken);
        if (!read.Succeeded) throw new ConflictException(read.Failure!.Message, "import-failed");
        var refused = job.AllRefused.Select(r => new FailedImportTenant(r.Name, r.Rows));
        var rows = ImportErrorReport.FailedRows(read.Template!.Rows, refused, job.AllErrors);
        if (job.Status is ImportStatus.Completed or ImportStatus.CompletedWithErrors)
            await jobs.SaveFailedRowsAsync(accountId, importId, rows, cancellationToken);
        return (read.Template.Language, rows);
    }

    public long MaxFileBytes => options.MaxFileBytes;

    private async Task<HashSet<string>> ExistingNameKeysAsync(string accountId, CancellationToken cancellationToken)
    {
        var all = await PageRequest.ReadAllAsync(page => tenants.ListAsync(accountId, null, page, cancellationToken));
        return all.Select(tenant => TenantName.Key(tenant.Name)).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>A job's file name (from an upload or a dropped blob's name) keeps at most its last this many characters.</summary>
    public const int MaxFileNameLength = 100;

    private static string SafeFileName(string? fileName)
    {
        var name = UnsafeCharacters().Replace(Path.GetFileName(fileName ?? "") ?? "", "_").Trim('_', '.', ' ');
        if (name.Length == 0) name = "upload.xlsx";
        return name.Length > MaxFileNameLength ? name[^MaxFileNameLength..] : name;
    }

    [GeneratedRegex(@"[^\w.\- ]")]
    private static partial Regex UnsafeCharacters();
}
