using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Tenancy.Core.Imports;

namespace Tenancy.Http.Contracts;

[Description("A problem with one cell or row of an uploaded template.")]
public sealed record ImportIssueResponse(
    [property: Description("The spreadsheet row number (the header is row 1).")] int Row,
    [property: Description("The column's header, when the problem is in one cell.")] string? Column,
    string Message);

[Description("Why a whole file was refused.")]
public sealed record ImportFailureResponse([property: Description("A stable code, e.g. not-xlsx, too-many-rows.")] string Code, string Message);

/// <summary>An import job as API.md describes it, plus its chunk progress and, for a failed file, why.</summary>
[Description("An import job, or the report of a validate-only upload (then id is null and status is validated).")]
public sealed record ImportJobResponse(
    [property: Description("null for a validate-only report.")] string? Id,
    ImportStatus Status,
    [property: Description("create refuses a tenant whose name exists; upsert updates it.")] ImportMode Mode,
    string FileName, int RowCount, int TenantCount, int CreatedCount,
    [property: Description("Existing tenants an upsert changed.")] int UpdatedCount,
    [property: Description("Existing tenants an upsert found already as the file says.")] int UnchangedCount,
    int FailedCount,
    [property: Description("0 to 100: the share of the job's chunks done; 100 once it has finished.")] int Progress,
    int ChunkCount, int ChunksDone,
    [property: Description("Set when the file was refused as a whole (status failed).")] ImportFailureResponse? Failure,
    [property: Description("How many errors the job has in all.")] int ErrorCount,
    [property: Description("The first 100 errors by row; all of them are paged at /api/tenant-imports/{importId}/errors/items.")] IReadOnlyList<ImportIssueResponse> Errors,
    [property: Description("How many warnings the job has in all.")] int WarningCount,
    [property: Description("The first 100 warnings by row.")] IReadOnlyList<ImportIssueResponse> Warnings,
    DateTimeOffset CreatedAt, DateTimeOffset? CompletedAt,
    [property: Description("When an undo of the import finished.")] DateTimeOffset? UndoneAt = null,
    [property: Description("Set once an undo was asked for: what it did so far.")] ImportUndoResponse? Undo = null);

[Description("What undoing an import did: tenants removed, tenants restored, and those kept because someone changed them since.")]
public sealed record ImportUndoResponse(
    int RemovedCount, int RestoredCount, int KeptCount,
    [property: Description("The first 100 tenants kept, with why.")] IReadOnlyList<ImportUndoKeptResponse> Kept);

[Description("A tenant the undo left as it is.")]
public sealed record ImportUndoKeptResponse(string TenantId, string TenantName, string Reason);
