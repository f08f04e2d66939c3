namespace Tenancy.Core.Imports;

/// <summary>Import limits (configuration section <c>TENANCY_IMPORTS</c>).</summary>
public sealed class ImportOptions
{
    public const string Section = "TENANCY_IMPORTS";

    /// <summary>The most tenants one template may hold; beyond it the job fails with a clear error.</summary>
    public int MaxTenants { get; set; } = 10_000;

    public long MaxFileBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>A chunk message stays well under the 64 KB a message may carry.</summary>
    public int MaxChunkBytes { get; set; } = 40 * 1024;

    public int MaxChunkTenants { get; set; } = 50;

    /// <summary>How long a job is kept (listed, readable, its report downloadable); older ones are deleted.</summary>
    public int JobRetentionDays { get; set; } = 90;

    /// <summary>A running job with no progress for this long is finished or failed as stalled (<see cref="StaleJobs"/>).</summary>
    public int StaleJobMinutes { get; set; } = 30;
}
