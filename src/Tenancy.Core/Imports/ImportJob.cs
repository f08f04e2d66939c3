namespace Tenancy.Core.Imports;

public enum ImportStatus { Queued, Parsing, Processing, Completed, CompletedWithErrors, Failed, Validated, Undoing, Undone }

/// <summary>What an import does with a tenant whose name exists: refuse it (create) or update it (upsert, API.md).</summary>
public enum ImportMode { Create, Upsert }

/// <summary>A tenant the import refused, with its rows (for the error report); its name is cut to <see cref="ImportEchoes.NameMax"/>.</summary>
public sealed record ImportRefusal(string Name, IReadOnlyList<int> Rows)
{
    private readonly string _name = ImportEchoes.Cut(Name ?? "", ImportEchoes.NameMax);

    public string Name { get => _name; init => _name = ImportEchoes.Cut(value ?? "", ImportEchoes.NameMax); }
}

/// <summary>What one chunk did: written once, so a redelivered chunk cannot count twice.</summary>
public sealed record ChunkResult(int Chunk, int Created, IReadOnlyList<ImportIssue> Errors, IReadOnlyList<ImportRefusal> Refused, DateTimeOffset CompletedAt)
{
    public int Failed => Refused.Count;

    /// <summary>Existing tenants an upsert changed, and those it found already as the file says.</summary>
    public int Updated { get; init; }

    public int Unchanged { get; init; }
}

/// <summary>A tenant an undo left as it is, because someone changed it since the import, and why.</summary>
public sealed record UndoKept(string TenantId, string TenantName, string Reason)
{
    private readonly string _name = ImportEchoes.Cut(TenantName ?? "", ImportEchoes.NameMax);

    public string TenantName { get => _name; init => _name = ImportEchoes.Cut(value ?? "", ImportEchoes.NameMax); }
}

/// <summary>What undoing one chunk did: written once, so a redelivered undo chunk cannot count twice.</summary>
public sealed record UndoResult(int Chunk, int Removed, int Restored, IReadOnlyList<UndoKept> Kept, DateTimeOffset CompletedAt);

/// <summary>
/// An import job as stored: the file stage (<see cref="Stage"/>: queued, parsing, processing or failed) and the
/// results of the chunks done so far. Its status and counts are derived from those, never kept as counters.
/// A job read from storage carries only the first <see cref="ImportEchoes.Inline"/> errors and warnings of its file
/// stage and none of its refusals; their counts are <see cref="FileIssues"/>.
/// </summary>
public sealed record ImportJob(
    string Id,
    string AccountId,
    string FileName,
    string BlobName,
    ImportStatus Stage,
    DateTimeOffset CreatedAt)
{
    public string Language { get; init; } = "en";
    public ImportMode Mode { get; init; } = ImportMode.Create;
    public int RowCount { get; init; }
    public int TenantCount { get; init; }
    public int ChunkCount { get; init; }
    public DateTimeOffset? ParsedAt { get; init; }

    /// <summary>When the file stage last wrote the job: with the chunks' times, what tells a stalled job (<see cref="StaleJobs"/>).</summary>
    public DateTimeOffset? StageAt { get; init; }
    public ImportFailure? Failure { get; init; }
    public IReadOnlyList<ImportIssue> Errors { get; init; } = [];
    public IReadOnlyList<ImportIssue> Warnings { get; init; } = [];
    public IReadOnlyList<ImportRefusal> Refused { get; init; } = [];
    public IReadOnlyList<ChunkResult> Chunks { get; init; } = [];

    /// <summary>When an undo was asked for; from then on the job is <c>undoing</c>, then <c>undone</c>.</summary>
    public DateTimeOffset? UndoStartedAt { get; init; }

    public IReadOnlyList<UndoResult> UndoChunks { get; init; } = [];

    public DateTimeOffset? UndoneAt => Status == ImportStatus.Undone
        ? UndoChunks.Select(u => u.CompletedAt).Append(UndoStartedAt!.Value).Max()
        : null;

    /// <summary>Whether an undo may start: the import has finished (a stalled one too, once nothing more runs).</summary>
    public bool CanUndo => Status is ImportStatus.Completed or ImportStatus.CompletedWithErrors or ImportStatus.Undoing or ImportStatus.Undone
                           || (Status == ImportStatus.Failed && Failure?.Code == ImportFailure.Stalled);

    /// <summary>How many errors, warnings and refusals the file stage found (the lists may hold only the first ones).</summary>
    public FileIssueCounts FileIssues { get; init; } = FileIssueCounts.None;

    /// <summary>Sets the file stage's errors, warnings and refusals with their counts.</summary>
    public ImportJob WithFileIssues(IReadOnlyList<ImportIssue> errors, IReadOnlyList<ImportIssue> warnings, IReadOnlyList<ImportRefusal> refused) =>
        this with { Errors = errors, Warnings = warnings, Refused = refused, FileIssues = new FileIssueCounts(errors.Count, warnings.Count, refused.Count) };

    public int CreatedCount => Chunks.Sum(c => c.Created);
    public int UpdatedCount => Chunks.Sum(c => c.Updated);
    public int UnchangedCount => Chunks.Sum(c => c.Unchanged);
    public int FailedCount => FileIssues.Refused + Chunks.Sum(c => c.Failed);
    public int ErrorCount => FileIssues.Errors + Chunks.Sum(c => c.Errors.Count);
    public int WarningCount => FileIssues.Warnings;

    /// <summary>The first errors by row, file stage and chunks together, as the job shows them inline.</summary>
    public IReadOnlyList<ImportIssue> InlineErrors => AllErrors.Take(ImportEchoes.Inline).ToList();

    public IReadOnlyList<ImportIssue> InlineWarnings => Warnings.Take(ImportEchoes.Inline).ToList();

    public IEnumerable<ImportIssue> AllErrors => Errors.Concat(Chunks.SelectMany(c => c.Errors)).OrderBy(e => e.Row);
    public IEnumerable<ImportRefusal> AllRefused => Refused.Concat(Chunks.SelectMany(c => c.Refused));

    public ImportStatus Status => UndoStartedAt is not null
        ? UndoChunks.Count >= ChunkCount ? ImportStatus.Undone : ImportStatus.Undoing
        : Stage switch
    {
        ImportStatus.Processing when Chunks.Count >= ChunkCount => Finished,
        // A job failed as stalled whose late chunks all arrived after all has finished.
        ImportStatus.Failed when Failure?.Code == ImportFailure.Stalled && ChunkCount > 0 && Chunks.Count >= ChunkCount => Finished,
        _ => Stage,
    };

    // An upsert may apply a tenant but refuse one of its domains: an error without a refused tenant.
    private ImportStatus Finished => FailedCount > 0 || ErrorCount > 0 ? ImportStatus.CompletedWithErrors : ImportStatus.Completed;

    /// <summary>0 to 100: the share of chunks done while processing; 100 only once the job has finished.</summary>
    public int Progress => Status switch
    {
        ImportStatus.Queued or ImportStatus.Parsing => 0,
        ImportStatus.Processing => ChunkCount == 0 ? 0 : Math.Min(99, 100 * Chunks.Count / ChunkCount),
        ImportStatus.Undoing => Math.Min(99, 100 * UndoChunks.Count / ChunkCount),
        _ => 100,
    };

    public DateTimeOffset? CompletedAt => Status switch
    {
        ImportStatus.Completed or ImportStatus.CompletedWithErrors => Chunks.Count == 0 ? ParsedAt : Chunks.Max(c => c.CompletedAt),
        ImportStatus.Failed when Failure?.Code == ImportFailure.Stalled => StageAt,
        ImportStatus.Failed => ParsedAt,
        _ => null,
    };
}

/// <summary>The sizes of a job's file-stage lists, kept with the job so that reading it never reads the lists whole.</summary>
public sealed record FileIssueCounts(int Errors, int Warnings, int Refused)
{
    public static readonly FileIssueCounts None = new(0, 0, 0);
}
