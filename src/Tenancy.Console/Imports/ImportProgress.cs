using Tenancy.Core.Imports;
using Tenancy.Http.Contracts;

namespace Tenancy.WebConsole.Imports;

/// <summary>How far an import job is, as its progress bar shows it.</summary>
public static class ImportProgress
{
    public static bool Running(ImportJobResponse job) => job.Status is ImportStatus.Queued or ImportStatus.Parsing or ImportStatus.Processing;

    /// <summary>The job's progress (0–100); null while the file is still being read (no chunks known yet).</summary>
    public static int? Percent(ImportJobResponse job) =>
        Running(job) && job.ChunkCount == 0 ? null : job.Progress;

    public static bool HasErrorReport(ImportJobResponse job) =>
        job.Status != ImportStatus.Failed && (job.FailedCount > 0 || job.ErrorCount > 0);
}
