using Tenancy.Core.Audit;
using Tenancy.Core.Accounts;
using Tenancy.Core.Common;
using Tenancy.Core.Domains;
using Tenancy.Core.Tenants;
using Tenancy.Core.Common.Messages;

namespace Tenancy.Core.Imports;

/// <summary>
/// The two background stages of an import (R8). The file stage (a blob under <c>{accountId}/</c>) checks and
/// parses the template, records the job and sends its valid tenants in chunks; the chunk stage creates them.
/// Both may run twice for the same input and still create each tenant once and count it once.
/// </summary>
public sealed class ImportProcessor(
    IImportFileStore files, IImportJobStore jobs, Audit.IAuditLog audit, ITemplateReader reader, IMessageSender sender, IAccountStore accounts,
    TenantService tenants, ImportUpserter upserter, ImportUndo undo, ImportOptions options, TimeProvider clock, TenancyMetrics metrics)
{
    /// <summary>A blob's job id: the same blob (name and content tag) seen twice is one job.</summary>
    public static string JobId(string blobName, string etag) => Ids.Derived("imp", blobName, etag.Trim('"'));

    public async Task HandleBlobAsync(string blobName, CancellationToken cancellationToken)
    {
        var slash = blobName.IndexOf('/');
        if (slash <= 0 || slash == blobName.Length - 1) return; // not under {accountId}/: not ours
        var accountId = blobName[..slash];
        if (!Ids.LooksValid(accountId)) return; // no account has this id: nothing to record it under
        var file = await files.FindAsync(blobName, cancellationToken);
        if (file is null) return;
        if (await accounts.FindAsync(accountId, cancellationToken) is not { HasTenants: true }) return;

        var job = await AddJobAsync(new ImportJob(JobId(blobName, file.ETag), accountId, FileNameOf(blobName), blobName,
            ImportStatus.Queued, clock.GetUtcNow()) { Mode = file.Mode }, file.UploadedBy, cancellationToken);
        if (job.Stage is not (ImportStatus.Queued or ImportStatus.Parsing)) return; // already handled

        await SaveStageAsync(job with { Stage = ImportStatus.Parsing }, cancellationToken);
        var parsed = await ParseAsync(job, file, cancellationToken);
        if (parsed.Failure is not null)
        {
            await SaveStageAsync(parsed.Job, cancellationToken);
            return;
        }

        // Chunks go out before the job says "processing": if we stop midway, the blob is handled again and
        // the chunks are sent again under the same message ids, which the chunk stage recognises.
        var chunks = ImportChunker.Split(job.Id, accountId, parsed.Plan!.Tenants, options);
        await SaveStageAsync(parsed.Job with { Stage = ImportStatus.Parsing, ChunkCount = chunks.Count }, cancellationToken);
        foreach (var chunk in chunks)
            await sender.SendAsync(ImportChunk.QueueName, chunk.ToJson(), chunk.MessageId, cancellationToken);
        await SaveStageAsync(parsed.Job with { Stage = ImportStatus.Processing, ChunkCount = chunks.Count }, cancellationToken);
    }

    /// <summary>
    /// Ends the job of a blob whose file stage kept failing (for reasons outside the file's content, which
    /// <see cref="HandleBlobAsync"/> reports itself), so that it is not retried forever and its owner knows.
    /// </summary>
    public async Task GiveUpBlobAsync(string blobName, int attempts, string lastError, CancellationToken cancellationToken)
    {
        var slash = blobName.IndexOf('/');
        if (slash <= 0 || slash == blobName.Length - 1) return;
        var accountId = blobName[..slash];
        if (!Ids.LooksValid(accountId)) return;
        var file = await files.FindAsync(blobName, cancellationToken);
        if (file is null || await accounts.FindAsync(accountId, cancellationToken) is not { HasTenants: true }) return;

        var job = await AddJobAsync(new ImportJob(JobId(blobName, file.ETag), accountId, FileNameOf(blobName), blobName,
            ImportStatus.Queued, clock.GetUtcNow()), file.UploadedBy, cancellationToken);
        if (job.Stage is not (ImportStatus.Queued or ImportStatus.Parsing)) return;
        var reason = $"The file could not be processed after {attempts} attempts (last error: {DomainName.Echo(lastError, 200)}). " +
                     "Nothing was imported from it. Upload it again; if it fails again, save it from Excel as a new file or split it.";
        await SaveStageAsync(job with { Stage = ImportStatus.Failed, Failure = new ImportFailure(ImportFailure.ProcessingFailed, reason), ParsedAt = clock.GetUtcNow() }, cancellationToken);
    }

    /// <summary>Records a job unless it exists, and its entry unless that exists (<see cref="ImportAudit"/>).</summary>
    public async Task<ImportJob> AddJobAsync(ImportJob job, AuditActor? uploadedBy, CancellationToken cancellationToken)
    {
        var stored = await jobs.AddOrGetAsync(job, cancellationToken);
        await audit.AppendOnceAsync(stored.AccountId, ImportAudit.Created(stored, uploadedBy), cancellationToken);
        return stored;
    }

    public async Task<MessageOutcome> HandleChunkAsync(string body, CancellationToken cancellationToken)
    {
        var chunk = ImportChunk.TryParse(body, out var reason);
        if (chunk is null) return MessageOutcome.Poison(reason!);
        var job = await jobs.FindAsync(chunk.AccountId, chunk.ImportId, cancellationToken);
        if (job is null) return MessageOutcome.Poison($"import '{chunk.ImportId}' does not exist");
        if (chunk.Undo == true) return await undo.HandleAsync(chunk, cancellationToken);
        if (await jobs.HasChunkResultAsync(chunk.AccountId, chunk.ImportId, chunk.Chunk, cancellationToken))
            return MessageOutcome.Done; // a redelivered chunk: already counted

        var language = TemplateLanguages.TryParse(job.Language, out var l) ? l : TemplateLanguage.English;
        if (job.Mode == ImportMode.Upsert)
        {
            await jobs.AddChunkResultAsync(chunk.AccountId, chunk.ImportId, await upserter.UpsertAsync(chunk, language, cancellationToken), cancellationToken);
            return MessageOutcome.Done;
        }
        var nameColumn = TemplateColumns.Header(TemplateField.TenantName, language);
        var domainsColumn = TemplateColumns.Header(TemplateField.Domains, language);
        var created = 0;
        var errors = new List<ImportIssue>();
        var refused = new List<ImportRefusal>();
        var outcomes = await tenants.CreateImportedAsync(chunk.AccountId, chunk.ImportId, chunk.Tenants, cancellationToken);
        foreach (var (tenant, failure) in chunk.Tenants.Zip(outcomes))
        {
            if (failure is null)
            {
                created++;
                continue;
            }
            var column = failure is ConflictException { Kind: "domain-taken" } ? domainsColumn : nameColumn;
            errors.Add(new ImportIssue(tenant.Rows.FirstOrDefault(), column, failure.Message));
            refused.Add(new ImportRefusal(tenant.Name, tenant.Rows));
        }
        await upserter.RecordCreatedAsync(chunk, chunk.Tenants.Where((_, i) => outcomes[i] is null), cancellationToken);
        await jobs.AddChunkResultAsync(chunk.AccountId, chunk.ImportId,
            new ChunkResult(chunk.Chunk, created, errors, refused, clock.GetUtcNow()), cancellationToken);
        metrics.TenantsImported(created);
        return MessageOutcome.Done;
    }

    /// <summary>Checks and parses a template without recording anything (also the validate-only upload).</summary>
    public async Task<ParsedImport> ParseAsync(ImportJob job, StoredFile file, CancellationToken cancellationToken)
    {
        if (file.Size > options.MaxFileBytes)
            return Failed(job, ImportFailure.TooLarge, $"The file is {file.Size / 1024 / 1024.0:F1} MiB; the limit is {options.MaxFileBytes / 1024 / 1024} MiB.");
        var bytes = await files.DownloadAsync(file.Name, file.ETag, cancellationToken);
        if (bytes is null)
            return Failed(job, "file-changed", "The file was replaced or deleted before it could be read; the newer file is imported as its own job.");
        return await ParseAsync(job, bytes, existingNames: null, cancellationToken);
    }

    public async Task<ParsedImport> ParseAsync(ImportJob job, byte[] bytes, ISet<string>? existingNames, CancellationToken cancellationToken)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        var read = await reader.ReadAsync(stream, cancellationToken);
        if (!read.Succeeded) return Failed(job, read.Failure!.Code, read.Failure.Message);

        var template = read.Template!;
        var plan = TenantGrouping.Group(template.Rows, template.Language,
            domain => DomainRules.TryValidate(domain, out _, out var error) ? null : error);
        var tenantTotal = plan.Tenants.Count + plan.FailedTenants.Count(t => t.Name.Length > 0);
        if (tenantTotal > options.MaxTenants)
            return Failed(job, "too-many-tenants", $"The template holds {tenantTotal} tenants; one import can hold at most {options.MaxTenants}. Split it into several files.");
        if (plan.NothingToImport)
        {
            var empty = Failed(job, ImportFailure.NoRows, "The template has no tenants to import: its rows are blank or only the untouched example.");
            return empty with { Job = empty.Job.WithFileIssues([], plan.Warnings, []) };
        }

        var errors = plan.Errors.ToList();
        var refused = plan.FailedTenants.Select(t => new ImportRefusal(t.Name, t.Rows)).ToList();
        var valid = plan.Tenants.ToList();
        if (existingNames is not null)
        {
            // Validate-only answers with the conflicts creation would meet.
            foreach (var tenant in plan.Tenants.Where(t => existingNames.Contains(t.NameKey)))
            {
                errors.Add(new ImportIssue(tenant.Rows[0], TemplateColumns.Header(TemplateField.TenantName, template.Language),
                    ApiMessages.TenantNameTaken.Text(tenant.Request.Name)));
                refused.Add(new ImportRefusal(tenant.Request.Name ?? "", tenant.Rows));
                valid.Remove(tenant);
            }
        }

        var parsedJob = (job with
        {
            Language = template.Language.Code(),
            RowCount = plan.RowCount,
            TenantCount = tenantTotal,
            ParsedAt = clock.GetUtcNow(),
        }).WithFileIssues(errors.OrderBy(e => e.Row).ToList(), plan.Warnings, refused);
        return new ParsedImport(parsedJob, plan with { Tenants = valid }, null, template);
    }

    private Task SaveStageAsync(ImportJob job, CancellationToken cancellationToken) =>
        jobs.SaveStageAsync(job with { StageAt = clock.GetUtcNow() }, cancellationToken);

    private ParsedImport Failed(ImportJob job, string code, string message)
    {
        var failure = new ImportFailure(code, message);
        return new(job with { Stage = ImportStatus.Failed, Failure = failure, ParsedAt = clock.GetUtcNow() }, null, failure, null);
    }

    /// <summary>The file name a job shows: a dropped blob's name may run to 1,024 characters; its end (with the extension) is kept.</summary>
    private static string FileNameOf(string blobName)
    {
        var name = blobName[(blobName.IndexOf('/') + 1)..];
        return name.Length > ImportService.MaxFileNameLength ? name[^ImportService.MaxFileNameLength..] : name;
    }
}

/// <summary>A parsed template: the job with its file-stage results, and the plan (null when the file failed as a whole).</summary>
public sealed record ParsedImport(ImportJob Job, ImportPlan? Plan, ImportFailure? Failure, ParsedTemplate? Template);
