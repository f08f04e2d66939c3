using Tenancy.Core.Audit;
using Tenancy.Core.Common;
using Tenancy.Core.Tenants;

namespace Tenancy.Core.Imports;

/// <summary>
/// Undoes an import (R12), chunk by chunk over the chunk queue, from the import's ledger: a tenant it created is
/// removed, a tenant it updated gets its notes, contacts and domains back, unless someone changed the tenant since
/// (it no longer matches what the import wrote): then it is kept and reported. Each step recognises its own earlier
/// work (a created tenant already gone, an updated one already as before), so redelivery and crashes midway are safe,
/// and an undo asked twice changes nothing more.
/// </summary>
public sealed class ImportUndo(IImportJobStore jobs, IImportLedger ledger, ITenantStore store, TenantDeletion deletion, IMessageSender sender, TimeProvider clock)
{
    /// <summary>Marks the job undoing and sends one undo message per chunk not undone yet (again, when asked again).</summary>
    public async Task<ImportJob> StartAsync(ImportJob job, CancellationToken cancellationToken)
    {
        if (!job.CanUndo)
            throw new ConflictException(
                $"Import '{job.Id}' is {job.Status.ToString().ToLowerInvariant()}: only a finished import can be undone. Wait until it has finished.",
                "import-not-finished");
        if (job.UndoStartedAt is null)
        {
            job = job with { UndoStartedAt = clock.GetUtcNow() };
            await jobs.SaveStageAsync(job, cancellationToken);
        }
        var done = job.UndoChunks.Select(u => u.Chunk).ToHashSet();
        foreach (var chunk in Enumerable.Range(0, job.ChunkCount).Where(c => !done.Contains(c)))
        {
            var message = new ImportChunk(job.Id, job.AccountId, chunk, job.ChunkCount, [], Undo: true);
            await sender.SendAsync(ImportChunk.QueueName, message.ToJson(), message.MessageId, cancellationToken);
        }
        return job;
    }

    public async Task<MessageOutcome> HandleAsync(ImportChunk chunk, CancellationToken cancellationToken)
    {
        if (await jobs.HasUndoResultAsync(chunk.AccountId, chunk.ImportId, chunk.Chunk, cancellationToken)) return MessageOutcome.Done;
        var entries = (await ledger.ListAsync(chunk.AccountId, chunk.ImportId, chunk.Chunk, cancellationToken)).ToList();
        // Each tenant is its own partition range and its own writes: a chunk's tenants are undone side by side.
        var reasons = new string?[entries.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, entries.Count), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken },
            async (i, ct) => reasons[i] = entries[i].Outcome switch
            {
                LedgerOutcome.Created => await RemoveAsync(chunk.AccountId, chunk.ImportId, entries[i], ct),
                LedgerOutcome.Updated => await RestoreAsync(chunk.AccountId, chunk.ImportId, entries[i], ct),
                _ => null,
            });
        var done = entries.Zip(reasons).ToList();
        var kept = done.Where(d => d.Second is not null).Select(d => new UndoKept(d.First.TenantId, d.First.TenantName, d.Second!)).ToList();
        var removed = done.Count(d => d.Second is null && d.First.Outcome == LedgerOutcome.Created);
        var restored = done.Count(d => d.Second is null && d.First.Outcome == LedgerOutcome.Updated);
        await jobs.AddUndoResultAsync(chunk.AccountId, chunk.ImportId,
            new UndoResult(chunk.Chunk, removed, restored, kept, clock.GetUtcNow()), cancellationToken);
        return MessageOutcome.Done;
    }

    /// <returns>null when the tenant is gone (now or before), else why it was kept.</returns>
    private async Task<string?> RemoveAsync(string accountId, string importId, LedgerEntry entry, CancellationToken cancellationToken)
    {
        var current = await store.FindAsync(accountId, entry.TenantId, cancellationToken);
        if (current is not null)
        {
            if (current.DeviceGroupCount > 0)
                return "Kept: device groups were assigned to it since the import.";
            if (entry.After is null || !entry.After.Matches(current))
                return "Kept: it was changed since the import (name, notes, contacts or domains).";
        }
        // Gone already: deleting again finishes a deletion a crash interrupted (its last rows, the grants naming it).
        await deletion.DeleteAsync(accountId, entry.TenantId,
            t => AuditEntry.Of(clock.GetUtcNow(), AuditActions.TenantDeleted, AuditTargets.Tenant, t.Id, t, null, systemWorkFor: importId), cancellationToken);
        return null;
    }

    /// <returns>null when the tenant is as it was before the import (now or already), else why it was kept.</returns>
    private Task<string?> RestoreAsync(string accountId, string importId, LedgerEntry entry, CancellationToken cancellationToken) =>
        ConcurrencyRetry.RunAsync<string?>(async () =>
        {
            var current = await store.FindAsync(accountId, entry.TenantId, cancellationToken);
            if (current is null) return "Kept: it was deleted since the import.";
            if (entry.Before!.Matches(current)) return null;
            if (entry.After is null || !entry.After.Matches(current))
                return "Kept: it was changed since the import (notes, contacts or domains).";
            var restored = entry.Before.RestoreOnto(current, clock.GetUtcNow());
            await store.UpdateAsync(accountId, current, restored,
                AuditEntry.Of(clock.GetUtcNow(), AuditActions.TenantUpdated, AuditTargets.Tenant, current.Id, current, restored, systemWorkFor: importId), cancellationToken);
            return null;
        }, cancellationToken);
}
