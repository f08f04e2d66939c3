namespace Tenancy.Core.Imports;

public enum ImportStatus { Queued, Parsing, Processing, Completed, CompletedWithErrors, Failed, Validated }

/// <summary>A tenant the import refused, with its rows (for the error report).</summary>
public sealed record ImportRefusal(string Name, IReadOnlyList<int> Rows);

/// <summary>What one chunk did: written once, so a redelivered chunk cannot count twice.</summary>
public sealed record ChunkResult(int Chunk, int Created, IReadOnlyList<ImportIssue> Errors, IReadOnlyList<ImportRefusal> Refused, DateTimeOffset CompletedAt)
{
    public int Failed => Refused.Count;
}

/// <summary>
/// An import job as stored: the file stage (<see cref="Stage"/>: queued, parsing, processing or failed) and the
/// results of the chunks done so far. Its status and counts are derived from those, never kept as counters.
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
    public int RowCount { get; init; }
    public int TenantCount { get; init; }
    public int ChunkCount { get; init; }
    public DateTimeOffset? ParsedAt { get; init; }
    public ImportFailure? Failure { get; init; }
    public IReadOnlyList<ImportIssue> Errors { get; init; } = [];
    public IReadOnlyList<ImportIssue> Warnings { get; init; } = [];
    public IReadOnlyList<ImportRefusal> Refused { get; init; } = [];
    public IReadOnlyList<ChunkResult> Chunks { get; init; } = [];

    public int CreatedCount => Chunks.Sum(c => c.Created);
    public int FailedCount => Refused.Count + Chunks.Sum(c => c.Failed);
    public IEnumerable<ImportIssue> AllErrors => Errors.Concat(Chunks.SelectMany(c => c.Errors)).OrderBy(e => e.Row);
    public IEnumerable<ImportRefusal> AllRefused => Refused.Concat(Chunks.SelectMany(c => c.Refused));

    public ImportStatus Status => Stage switch
    {
        ImportStatus.Processing when Chunks.Count >= ChunkCount =>
            FailedCount > 0 ? ImportStatus.CompletedWithErrors : ImportStatus.Completed,
        _ => Stage,
    };

    public DateTimeOffset? CompletedAt => Status switch
    {
        ImportStatus.Completed or ImportStatus.CompletedWithErrors => Chunks.Count == 0 ? ParsedAt : Chunks.Max(c => c.CompletedAt),
        ImportStatus.Failed => ParsedAt,
        _ => null,
    };
}
