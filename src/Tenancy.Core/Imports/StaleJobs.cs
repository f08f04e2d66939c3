namespace Tenancy.Core.Imports;

/// <summary>
/// Finds jobs that say they are working but have made no progress for <see cref="ImportOptions.StaleJobMinutes"/>
/// (issue 11): a file stage that died, a chunk message that was lost. Such a job is finished when its work is in
/// fact done, else failed with <see cref="ImportFailure.Stalled"/> and what to do. Checked when a job is read or listed.
/// </summary>
public static class StaleJobs
{
    /// <summary>The job as it should be stored now, or null when it is not stale.</summary>
    public static ImportJob? Settle(ImportJob job, DateTimeOffset now, TimeSpan staleAfter)
    {
        if (job.Status is not (ImportStatus.Queued or ImportStatus.Parsing or ImportStatus.Processing)) return null;
        var last = job.Chunks.Select(c => c.CompletedAt).Append(job.StageAt ?? job.CreatedAt).Max();
        if (now - last < staleAfter) return null;

        // Chunks were sent and all are done, but the file stage stopped before it said so.
        if (job.Stage == ImportStatus.Parsing && job.ChunkCount > 0 && job.Chunks.Count >= job.ChunkCount)
            return job with { Stage = ImportStatus.Processing, StageAt = now };

        var since = $"no progress since {last:yyyy-MM-dd HH:mm} UTC";
        var message = job.Stage switch
        {
            ImportStatus.Queued => $"The file was never picked up ({since}). Nothing was imported from it: upload it again.",
            ImportStatus.Parsing => $"Reading the file stopped without finishing ({since}). Nothing was imported from it: upload it again.",
            _ => $"{job.ChunkCount - job.Chunks.Count} of {job.ChunkCount} batches of tenants never finished ({since}); " +
                 $"{job.CreatedCount} tenants were imported. Upload the file again: the tenants already there are reported " +
                 "(or, with mode=upsert, left unchanged) and the others are imported.",
        };
        return job with
        {
            Stage = ImportStatus.Failed,
            Failure = new ImportFailure(ImportFailure.Stalled, message),
            ParsedAt = job.ParsedAt ?? now,
            StageAt = now,
        };
    }
}
