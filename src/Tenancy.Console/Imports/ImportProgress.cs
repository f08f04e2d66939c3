using Tenancy.Core.Imports;
using Tenancy.Http.Contracts;

namespace Tenancy.WebConsole.Imports;

/// <summary>How far an import job is, as its progress bar shows it.</summary>
public static class ImportProgress
{
    public static bool Running(ImportJobResponse job) => job.Status is ImportStatus.Queued or ImportStatus.Parsing or ImportStatus.Processing;

    /// <summary>0–100 from the chunks done; null while the file is still being read (no chunks known yet).</summary>
    public static int? Percent(ImportJobResponse job) =>
        !Running(job) ? 100
        : job.ChunkCount == 0 ? null
        : (int)Math.Round(100.0 * job.ChunksDone / job.ChunkCount);

    public static bool HasErrorReport(ImportJobResponse job) =>
        job.Status != ImportStatus.Failed && (job.FailedCount > 0 || job.Errors.Count > 0);
}
