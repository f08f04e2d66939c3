using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Tenancy.Core.Imports;
using Tenancy.Storage.Tables;

namespace Tenancy.Storage.Imports;

/// <summary>
/// Import jobs in the imports table, one partition per account: <c>J|{id}</c> the job's file stage,
/// <c>V|{id}|{kind}|{page}</c> its errors, warnings and refused tenants in pages that fit a property,
/// <c>K|{id}|{chunk}</c> one row per chunk done, written once (counts are sums of those rows), and
/// <c>I|{inverted ticks}|{id}</c> the list index, newest first (<see cref="ImportListRows"/>), and
/// <c>R|{id}|{page}</c> a finished job's failed rows (<see cref="FailedRowPages"/>), <c>L|{id}|…</c> its ledger
/// (<see cref="TableImportLedger"/>) and <c>X|{id}|{chunk}</c> one row per chunk undone, written once. The job row holds the sizes of
/// its lists, so a read takes only the first pages (<see cref="ImportEchoes.Inline"/> errors and warnings); every
/// text from the file is cut to <see cref="ImportEchoes"/>' sizes before it is written.
/// </summary>
public sealed class TableImportJobStore(TenancyTables tables) : IImportJobStore
{
    private const int MaxPageChars = 30_000; // a string property holds 32K characters
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private TableClient Table => tables.Imports;

    public async Task<ImportJob> AddOrGetAsync(ImportJob job, CancellationToken cancellationToken)
    {
        try
        {
            // The job and its list row in one transaction: a listed job always exists.
            await TableTransactions.SubmitAsync(Table, [
                new TableTransactionAction(TableTransactionActionType.Add, JobRow(job)),
                new TableTransactionAction(TableTransactionActionType.UpsertReplace, ListRow(job)),
            ], cancellationToken);
            return job;
        }
        catch (TableTransactionFailedException ex) when (ex.Status == 409)
        {
            return await FindAsync(job.AccountId, job.Id, cancellationToken) ?? job;
        }
    }

    public async Task<ImportJob?> FindAsync(string accountId, string importId, CancellationToken cancellationToken) =>
        await FindAsync(accountId, importId, complete: false, cancellationToken);

    public async Task<ImportJob?> FindCompleteAsync(string accountId, string importId, CancellationToken cancellationToken) =>
        await FindAsync(accountId, importId, complete: true, cancellationToken);

    private async Task<ImportJob?> FindAsync(string accountId, string importId, bool complete, CancellationToken cancellationToken)
    {
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(accountId, "J|" + importId, cancellationToken: cancellationToken);
        return row.HasValue ? await ReadAsync(row.Value!, complete, cancellationToken) : null;
    }

    public async Task<Core.Common.ResultPage<ImportJob>> ListAsync(string accountId, DateTimeOffset createdSince, Core.Common.PageRequest page, CancellationToken cancellationToken)
    {
        var after = page.ContinuationToken is null ? ImportListRows.Prefix : ImportListRows.AfterKey(page.ContinuationToken);
        var filter = $"PartitionKey eq '{accountId.Replace("'", "''")}' and RowKey gt '{after}' and RowKey lt '{ImportListRows.UpperBound(createdSince)}'";
        var keys = new List<string>(page.PageSize + 1);
        await foreach (var row in Table.QueryAsync<TableEntity>(filter, page.PageSize + 1, ["RowKey"], cancellationToken))
        {
            keys.Add(row.RowKey);
            if (keys.Count > page.PageSize) break;
        }
        var more = keys.Count > page.PageSize;
        if (more) keys.RemoveAt(keys.Count - 1);

        var jobs = new ImportJob?[keys.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, keys.Count), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken },
            async (i, ct) => jobs[i] = await FindAsync(accountId, ImportListRows.ImportId(keys[i]), ct));
        return new Core.Common.ResultPage<ImportJob>(jobs.OfType<ImportJob>().ToList(), more ? ImportListRows.Token(keys[^1]) : null);
    }

    public async Task<int> DeleteCreatedBeforeAsync(string accountId, DateTimeOffset cutoff, int maxJobs, CancellationToken cancellationToken)
    {
        // Older jobs have larger inverted keys: they sort from the cutoff's bound to the end of the index.
        var filter = $"PartitionKey eq '{accountId.Replace("'", "''")}' and RowKey ge '{ImportListRows.UpperBound(cutoff)}' and RowKey lt 'I}}'";
        var deleted = 0;
        await foreach (var index in Table.QueryAsync<TableEntity>(filter, maxJobs, ["RowKey"], cancellationToken))
        {
            var id = ImportListRows.ImportId(index.RowKey);
            var keys = new List<string> { "J|" + id };
            foreach (var prefix in new[] { $"V|{id}|", $"K|{id}|", FailedRowPages.Prefix(id), TableImportLedger.Prefix(id), $"X|{id}|" })
                await foreach (var row in Table.QueryAsync<TableEntity>(RowKeys.PrefixFilter(accountId, prefix), select: ["RowKey"], cancellationToken: cancellationToken))
                    keys.Add(row.RowKey);
            keys.Add(index.RowKey); // last, so that a deletion cut short is found and finished next time
            foreach (var batch in keys.Chunk(TransactionLimits.MaxActions))
            {
                try
                {
                    await TableTransactions.SubmitAsync(Table, batch.Select(k =>
                        new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(accountId, k), ETag.All)).ToList(), cancellationToken);
                }
                catch (TableTransactionFailedException ex) when (ex.Status == 404)
                {
                    // Another caller deleted some of these rows first; what is left is deleted next time.
                }
            }
            if (++deleted >= maxJobs) break;
        }
        return deleted;
    }

    public async Task SaveStageAsync(ImportJob job, CancellationToken cancellationToken)
    {
        // A job read as a summary carries only its first errors and no refusals: its stored lists stay as they are.
        var lists = job.Errors.Count == job.FileIssues.Errors && job.Warnings.Count == job.FileIssues.Warnings && job.Refused.Count == job.FileIssues.Refused;
        List<TableEntity> pages = !lists ? [] : Pages(job, "errors", job.Errors).Concat(Pages(job, "warnings", job.Warnings))
            .Concat(Pages(job, "refused", job.Refused.SelectMany(ImportEchoes.Bound).ToList())).ToList();
        await UpsertAllAsync(pages, cancellationToken);
        await Table.UpsertEntityAsync(JobRow(job), TableUpdateMode.Replace, cancellationToken);
        await Table.UpsertEntityAsync(ListRow(job), TableUpdateMode.Replace, cancellationToken);
    }

    public async Task SaveFailedRowsAsync(string accountId, string importId, IReadOnlyList<FailedRow> rows, CancellationToken cancellationToken)
    {
        // Page 0 last: its presence says the whole report is stored.
        await UpsertAllAsync(FailedRowPages.Rows(accountId, importId, rows).Reverse().ToList(), cancellationToken);
    }

    /// <summary>Upserts rows of one partition in transactions that stay within the service's action and size limits, in order.</summary>
    private async Task UpsertAllAsync(IReadOnlyList<TableEntity> rows, CancellationToken cancellationToken)
    {
        const long maxChars = 1_000_000; // UTF-16 strings of about 2 MB, well under a transaction's 4 MiB
        var batch = new List<TableTransactionAction>();
        long chars = 0;
        foreach (var row in rows)
        {
            var size = row.Sum(p => p.Value is string text ? text.Length : 8);
            if (batch.Count > 0 && (batch.Count >= TransactionLimits.MaxOwnActions || chars + size > maxChars))
            {
                await TableTransactions.SubmitAsync(Table, batch, cancellationToken);
                batch = [];
                chars = 0;
            }
            batch.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, row));
            chars += size;
        }
        await TableTransactions.SubmitAsync(Table, batch, cancellationToken);
    }

    public async Task<IReadOnlyList<FailedRow>?> FindFailedRowsAsync(string accountId, string importId, CancellationToken cancellationToken)
    {
        var rows = new List<FailedRow>();
        var found = false;
        await foreach (var page in Table.QueryAsync<TableEntity>(RowKeys.PrefixFilter(accountId, FailedRowPages.Prefix(importId)), cancellationToken: cancellationToken))
        {
            found |= page.RowKey.EndsWith("|00000", StringComparison.Ordinal);
            rows.AddRange(FailedRowPages.Read(page));
        }
        return found ? rows : null;
    }

    public async Task AddChunkResultAsync(string accountId, string importId, ChunkResult result, CancellationToken cancellationToken)
    {
        try
        {
            var row = new TableEntity(accountId, ChunkKey(importId, result.Chunk))
            {
                ["Created"] = result.Created,
                ["Updated"] = result.Updated,
                ["Unchanged"] = result.Unchanged,
                ["CompletedAt"] = result.CompletedAt,
            };
            LongText.Write(row, "Errors", JsonSerializer.Serialize(result.Errors, Json));
            LongText.Write(row, "Refused", JsonSerializer.Serialize(result.Refused, Json));
            await Table.AddEntityAsync(row, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // Recorded by an earlier delivery of the same chunk: it counts once.
        }
    }

    public async Task AddUndoResultAsync(string accountId, string importId, UndoResult result, CancellationToken cancellationToken)
    {
        try
        {
            var row = new TableEntity(accountId, UndoKey(importId, result.Chunk))
            {
                ["Removed"] = result.Removed,
                ["Restored"] = result.Restored,
                ["CompletedAt"] = result.CompletedAt,
            };
            LongText.Write(row, "Kept", JsonSerializer.Serialize(result.Kept, Json));
            await Table.AddEntityAsync(row, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // Recorded by an earlier delivery of the same undo chunk: it counts once.
        }
    }

    public async Task<bool> HasUndoResultAsync(string accountId, string importId, int chunk, CancellationToken cancellationToken) =>
        (await Table.GetEntityIfExistsAsync<TableEntity>(accountId, UndoKey(importId, chunk), ["CompletedAt"], cancellationToken)).HasValue;

    private static string UndoKey(string importId, int chunk) => $"X|{importId}|{chunk:D6}";

    public async Task<bool> HasChunkResultAsync(string accountId, string importId, int chunk, CancellationToken cancellationToken) =>
        (await Table.GetEntityIfExistsAsync<TableEntity>(accountId, ChunkKey(importId, chunk), ["CompletedAt"], cancellationToken)).HasValue;

    private static string ChunkKey(string importId, int chunk) => $"K|{importId}|{chunk:D6}";

    private static TableEntity ListRow(ImportJob job) => new(job.AccountId, ImportListRows.Key(job.Id, job.CreatedAt));

    private static TableEntity JobRow(ImportJob job) => new(job.AccountId, "J|" + job.Id)
    {
        ["FileName"] = ImportEchoes.Cut(job.FileName, ImportEchoes.FileNameMax),
        ["BlobName"] = job.BlobName,
        ["Stage"] = job.Stage.ToString(),
        ["CreatedAt"] = job.CreatedAt,
        ["Language"] = job.Language,
        ["Mode"] = job.Mode.Code(),
        ["RowCount"] = job.RowCount,
        ["TenantCount"] = job.TenantCount,
        ["ChunkCount"] = job.ChunkCount,
        ["ParsedAt"] = job.ParsedAt,
        ["StageAt"] = job.StageAt,
        ["UndoStartedAt"] = job.UndoStartedAt,
        ["FailureCode"] = job.Failure?.Code,
        ["FailureMessage"] = job.Failure?.Message,
        ["ErrorCount"] = job.FileIssues.Errors,
        ["WarningCount"] = job.FileIssues.Warnings,
        ["RefusedCount"] = job.FileIssues.Refused,
    };

    private static IEnumerable<TableEntity> Pages<T>(ImportJob job, string kind, IReadOnlyList<T> items)
    {
        var page = new List<T>();
        var chars = 0;
        var number = 0;
        foreach (var item in items)
        {
            var size = JsonSerializer.Serialize(item, Json).Length + 1;
            if (page.Count > 0 && chars + size > MaxPageChars)
            {
                yield return PageRow(job, kind, number++, page);
                page = [];
                chars = 0;
            }
            page.Add(item);
            chars += size;
        }
        if (page.Count > 0) yield return PageRow(job, kind, number, page);
    }

    private static TableEntity PageRow<T>(ImportJob job, string kind, int number, List<T> items) =>
        new(job.AccountId, $"V|{job.Id}|{kind}|{number:D5}") { ["Items"] = JsonSerializer.Serialize(items, Json) };

    private async Task<ImportJob> ReadAsync(TableEntity row, bool complete, CancellationToken cancellationToken)
    {
        var id = row.RowKey[2..];
        var errors = new List<ImportIssue>();
        var warnings = new List<ImportIssue>();
        var refused = new List<ImportRefusal>();
        // Pages are in key order: errors, refused, warnings. A summary stops at the refusals and reads the first
        // pages of warnings by their own range.
        await foreach (var page in Table.QueryAsync<TableEntity>(RowKeys.PrefixFilter(row.PartitionKey, $"V|{id}|errors|"), cancellationToken: cancellationToken))
        {
            errors.AddRange(JsonSerializer.Deserialize<List<ImportIssue>>(page.GetString("Items"), Json)!);
            if (!complete && errors.Count >= ImportEchoes.Inline) break;
        }
        await foreach (var page in Table.QueryAsync<TableEntity>(RowKeys.PrefixFilter(row.PartitionKey, $"V|{id}|warnings|"), cancellationToken: cancellationToken))
        {
            warnings.AddRange(JsonSerializer.Deserialize<List<ImportIssue>>(page.GetString("Items"), Json)!);
            if (!complete && warnings.Count >= ImportEchoes.Inline) break;
        }
        if (complete)
            await foreach (var page in Table.QueryAsync<TableEntity>(RowKeys.PrefixFilter(row.PartitionKey, $"V|{id}|refused|"), cancellationToken: cancellationToken))
                refused.AddRange(JsonSerializer.Deserialize<List<ImportRefusal>>(page.GetString("Items"), Json)!);

        var chunks = new List<ChunkResult>();
        await foreach (var chunk in Table.QueryAsync<TableEntity>(RowKeys.PrefixFilter(row.PartitionKey, $"K|{id}|"), cancellationToken: cancellationToken))
            chunks.Add(ReadChunk(chunk));

        var undone = new List<UndoResult>();
        if (row.GetDateTimeOffset("UndoStartedAt") is not null)
            await foreach (var undo in Table.QueryAsync<TableEntity>(RowKeys.PrefixFilter(row.PartitionKey, $"X|{id}|"), cancellationToken: cancellationToken))
                undone.Add(new UndoResult(int.Parse(undo.RowKey.Split('|')[2]), undo.GetInt32("Removed") ?? 0, undo.GetInt32("Restored") ?? 0,
                    JsonSerializer.Deserialize<List<UndoKept>>(LongText.Read(undo, "Kept")!, Json)!, undo.GetDateTimeOffset("CompletedAt") ?? default));

        var failureCode = row.GetString("FailureCode");
        return new ImportJob(id, row.PartitionKey, row.GetString("FileName"), row.GetString("BlobName"),
            Enum.Parse<ImportStatus>(row.GetString("Stage")), row.GetDateTimeOffset("CreatedAt") ?? default)
        {
            Language = row.GetString("Language") ?? "en",
            Mode = ImportModes.TryParse(row.GetString("Mode"), out var mode) ? mode : ImportMode.Create,
            RowCount = row.GetInt32("RowCount") ?? 0,
            TenantCount = row.GetInt32("TenantCount") ?? 0,
            ChunkCount = row.GetInt32("ChunkCount") ?? 0,
            ParsedAt = row.GetDateTimeOffset("ParsedAt"),
            StageAt = row.GetDateTimeOffset("StageAt"),
            UndoStartedAt = row.GetDateTimeOffset("UndoStartedAt"),
            UndoChunks = undone,
            Failure = failureCode is null ? null : new ImportFailure(failureCode, row.GetString("FailureMessage") ?? ""),
            Errors = errors,
            Warnings = warnings,
            Refused = refused,
            FileIssues = new FileIssueCounts(row.GetInt32("ErrorCount") ?? 0, row.GetInt32("WarningCount") ?? 0, row.GetInt32("RefusedCount") ?? 0),
            Chunks = chunks,
        };
    }

    private static ChunkResult ReadChunk(TableEntity chunk) =>
        new(int.Parse(chunk.RowKey.Split('|')[2]), chunk.GetInt32("Created") ?? 0,
            JsonSerializer.Deserialize<List<ImportIssue>>(LongText.Read(chunk, "Errors")!, Json)!,
            JsonSerializer.Deserialize<List<ImportRefusal>>(LongText.Read(chunk, "Refused")!, Json)!,
            chunk.GetDateTimeOffset("CompletedAt") ?? default)
        {
            Updated = chunk.GetInt32("Updated") ?? 0,
            Unchanged = chunk.GetInt32("Unchanged") ?? 0,
        };

    /// <summary>
    /// A page of a job's errors: the file stage's by row, then those met while creating tenants, chunk by chunk.
    /// The token is where the page stopped (<c>V|{page}|{index}</c> or <c>K|{chunk}|{index}</c>), opaque to callers.
    /// </summary>
    public async Task<Core.Common.ResultPage<ImportIssue>> ListErrorsAsync(string accountId, string importId, Core.Common.PageRequest page, CancellationToken cancellationToken)
    {
        var (source, start, skip) = ErrorCursor.Read(page.ContinuationToken);
        var items = new List<ImportIssue>(page.PageSize);
        if (source == 'V')
        {
            var filter = $"{RowKeys.PrefixFilter(accountId, $"V|{importId}|errors|")} and RowKey ge 'V|{importId}|errors|{start:D5}'";
            await foreach (var stored in Table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
            {
                var number = int.Parse(stored.RowKey.Split('|')[3]);
                var list = JsonSerializer.Deserialize<List<ImportIssue>>(stored.GetString("Items"), Json)!;
                for (var i = number == start ? skip : 0; i < list.Count; i++)
                {
                    if (items.Count == page.PageSize) return new(items, ErrorCursor.Token('V', number, i));
                    items.Add(list[i]);
                }
            }
            (start, skip) = (0, 0);
        }
        var chunks = $"{RowKeys.PrefixFilter(accountId, $"K|{importId}|")} and RowKey ge '{ChunkKey(importId, start)}'";
        await foreach (var stored in Table.QueryAsync<TableEntity>(chunks, cancellationToken: cancellationToken))
        {
            var chunk = ReadChunk(stored);
            for (var i = chunk.Chunk == start ? skip : 0; i < chunk.Errors.Count; i++)
            {
                if (items.Count == page.PageSize) return new(items, ErrorCursor.Token('K', chunk.Chunk, i));
                items.Add(chunk.Errors[i]);
            }
        }
        return new(items, null);
    }
}
