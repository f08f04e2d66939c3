namespace Tenancy.Http.Contracts;

public sealed record ImportIssueResponse(int Row, string? Column, string Message);

public sealed record ImportFailureResponse(string Code, string Message);

/// <summary>An import job as API.md describes it, plus its chunk progress and, for a failed file, why.</summary>
public sealed record ImportJobResponse(
    string? Id, string Status, string FileName, int RowCount, int TenantCount, int CreatedCount, int FailedCount,
    int ChunkCount, int ChunksDone, ImportFailureResponse? Failure, IReadOnlyList<ImportIssueResponse> Errors,
    IReadOnlyList<ImportIssueResponse> Warnings, DateTimeOffset CreatedAt, DateTimeOffset? CompletedAt);
