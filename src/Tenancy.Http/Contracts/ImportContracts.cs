using System.Text.Json;
using Tenancy.Core.Imports;

namespace Tenancy.Http.Contracts;

public sealed record ImportIssueResponse(int Row, string? Column, string Message);

public sealed record ImportFailureResponse(string Code, string Message);

/// <summary>An import job as API.md describes it, plus its chunk progress and, for a failed file, why.</summary>
public sealed record ImportJobResponse(
    string? Id, string Status, string FileName, int RowCount, int TenantCount, int CreatedCount, int FailedCount,
    int ChunkCount, int ChunksDone, ImportFailureResponse? Failure, IReadOnlyList<ImportIssueResponse> Errors,
    IReadOnlyList<ImportIssueResponse> Warnings, DateTimeOffset CreatedAt, DateTimeOffset? CompletedAt)
{
    public static ImportJobResponse From(ImportJob job) => new(
        job.Id.Length == 0 ? null : job.Id, JsonNamingPolicy.CamelCase.ConvertName(job.Status.ToString()), job.FileName,
        job.RowCount, job.TenantCount, job.CreatedCount, job.FailedCount, job.ChunkCount, job.Chunks.Count,
        job.Failure is null ? null : new ImportFailureResponse(job.Failure.Code, job.Failure.Message),
        job.AllErrors.Select(e => new ImportIssueResponse(e.Row, e.Column, e.Message)).ToList(),
        job.Warnings.Select(e => new ImportIssueResponse(e.Row, e.Column, e.Message)).ToList(),
        job.CreatedAt, job.CompletedAt);
}
