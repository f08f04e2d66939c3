namespace Tenancy.Core.PersonalData;

/// <summary>How long records that hold personal data are kept (section <c>TENANCY_RETENTION</c>, R15).</summary>
public sealed class RetentionOptions
{
    public const string Section = "TENANCY_RETENTION";

    /// <summary>Kept import files (every cell of every row); a job's stored error report stays with the job.</summary>
    public int ImportFileRetentionDays { get; set; } = 30;

    /// <summary>Ticket assignments with their sender rows.</summary>
    public int TicketRetentionDays { get; set; } = 90;
}

/// <summary>Deletes records kept longer than their retention, whatever account they belong to.</summary>
public interface IRetentionStore
{
    /// <summary>Deletes the kept import files stored before <paramref name="cutoff"/>; how many.</summary>
    Task<int> DeleteImportFilesBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);

    /// <summary>Deletes the ticket assignments (and their sender rows) written before <paramref name="cutoff"/>; how many rows.</summary>
    Task<int> DeleteTicketAssignmentsBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);
}

/// <summary>What one sweep deleted.</summary>
public sealed record RetentionResult(int ImportFiles, int TicketRows);

/// <summary>
/// The retention sweep (R15) both hosts run on a timer: kept import files after <see cref="RetentionOptions.ImportFileRetentionDays"/>,
/// ticket assignments after <see cref="RetentionOptions.TicketRetentionDays"/>. Each run deletes what is past its time;
/// a run that stops midway is finished by the next.
/// </summary>
public sealed class RetentionSweep(IRetentionStore store, RetentionOptions options, TimeProvider clock)
{
    /// <summary>How often the hosts run it.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    public async Task<RetentionResult> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var files = await store.DeleteImportFilesBeforeAsync(now.AddDays(-options.ImportFileRetentionDays), cancellationToken);
        var tickets = await store.DeleteTicketAssignmentsBeforeAsync(now.AddDays(-options.TicketRetentionDays), cancellationToken);
        return new RetentionResult(files, tickets);
    }
}
