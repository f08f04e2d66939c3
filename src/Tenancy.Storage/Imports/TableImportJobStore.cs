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
/// <c>R|{id}|{page}</c> a finished job's failed rows (<see cref="FailedRowPages"/>).
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

    public async Task<ImportJob?> FindAsync(string accountId, string importId, CancellationToken cancellationToken)
    {
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(accountId, "J|" + importId, cancellationToken: cancellationToken);
        return row.HasValue ? await ReadAsync(row.Value!, cancellationToken) : null;
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
            foreach (var prefix in new[] { $"V|{id}|", $"K|{id}|", FailedRowPages.Prefix(id) })
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
        var pages = Pages(job, "errors", job.Errors).Concat(Pages(job, "warnings", job.Warnings)).Concat(Pages(job, "refused", job.Refused)).ToList();
        foreach (var batch in pages.Chunk(TransactionLimits.MaxActions))
            await TableTransactions.SubmitAsync(Table, batch.Select(p => new TableTransactionAction(TableTransactionActionType.UpsertReplace, p)).ToList(), cancellationToken);
        await Table.UpsertEntityAsync(JobRow(job), TableUpdateMode.Replace, cancellationToken);
        await Table.UpsertEntityAsync(ListRow(job), TableUpdateMode.Replace, cancellationToken);
    }

    public async Task SaveFailedRowsAsync(string accountId, string importId, IReadOnlyList<FailedRow> rows, CancellationToken cancellationToken)
    {
        // Page 0 last: its presence says the whole report is stored.
        var pages = FailedRowPages.Rows(accountId, importId, rows).Reverse().ToList();
        foreach (var batch in pages.Chunk(TransactionLimits.MaxActions))
            await TableTransactions.SubmitAsync(Table, batch.Select(p => new TableTransactionAction(TableTransactionActionType.UpsertReplace, p)).ToList(), cancellationToken);
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
            await Table.AddEntityAsync(new TableEntity(accountId, ChunkKey(importId, result.Chunk))
            {
                ["Created"] = result.Created,
                ["Errors"] = JsonSerializer.Serialize(result.Errors, Json),
                ["Refused"] = JsonSerializer.Serialize(result.Refused, Json),
                ["CompletedAt"] = result.CompletedAt,
            }, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // Recorded by an earlier delivery of the same chunk: it counts once.
        }
    }

    public async Task<bool> HasChunkResultAsync(string accountId, string importId, int chunk, CancellationToken cancellationToken) =>
        (await Table.GetEntityIfExistsAsync<TableEntity>(accountId, ChunkKey(importId, chunk), ["CompletedAt"], cancellationToken)).HasValue;

    private static string ChunkKey(string importId, int chunk) => $"K|{importId}|{chunk:D6}";

    private static TableEntity ListRow(ImportJob job) => new(job.AccountId, ImportListRows.Key(job.Id, job.CreatedAt));

    private static TableEntity JobRow(ImportJob job) => new(job.AccountId, "J|" + job.Id)
    {
        ["FileName"] = job.FileName,
        ["BlobName"] = job.BlobName,
        ["Stage"] = job.Stage.ToString(),
        ["CreatedAt"] = job.CreatedAt,
        ["Language"] = job.Language,
        ["RowCount"] = job.RowCount,
        ["TenantCount"] = job.TenantCount,
        ["ChunkCount"] = job.ChunkCount,
        ["ParsedAt"] = job.ParsedAt,
        ["FailureCode"] = job.Failure?.Code,
        ["FailureMessage"] = job.Failure?.Message,
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

    private async Task<ImportJob> ReadAsync(TableEntity row, CancellationToken cancellationToken)
    {
        var id = row.RowKey[2..];
        var errors = new List<ImportIssue>();
        var warnings = new List<ImportIssue>();
        var refused = new List<ImportRefusal>();
        await foreach (var page in Table.QueryAsync<TableEntity>(RowKeys.PrefixFilter(row.PartitionKey, $"V|{id}|"), cancellationToken: cancellationToken))
        {
            var items = page.GetString("Items");
            switch (page.RowKey.Split('|')[2])
            {
                case "errors": errors.AddRange(JsonSerializer.Deserialize<List<ImportIssue>>(items, Json)!); break;
                case "warnings": warnings.AddRange(JsonSerializer.Deserialize<List<ImportIssue>>(items, Json)!); break;
                case "refused": refused.AddRange(JsonSerializer.Deserialize<List<ImportRefusal>>(items, Json)!); break;
            }
        }
        var chunks = new List<ChunkResult>();
        await foreach (var chunk in Table.QueryAsync<TableEntity>(RowKeys.PrefixFilter(row.PartitionKey, $"K|{id}|"), cancellationToken: cancellationToken))
            chunks.Add(new ChunkResult(int.Parse(chunk.RowKey.Split('|')[2]), chunk.GetInt32("Created") ?? 0,
                JsonSerializer.Deserialize<List<ImportIssue>>(chunk.GetString("Errors"), Json)!,
                JsonSerializer.Deserialize<List<ImportRefusal>>(chunk.GetString("Refused"), Json)!,
                chunk.GetDateTimeOffset("CompletedAt") ?? default));

        var failureCode = row.GetString("FailureCode");
        return new ImportJob(id, row.PartitionKey, row.GetString("FileName"), row.GetString("BlobName"),
            Enum.Parse<ImportStatus>(row.GetString("Stage")), row.GetDateTimeOffset("CreatedAt") ?? default)
        {
            Language = row.GetString("Language") ?? "en",
            RowCount = row.GetInt32("RowCount") ?? 0,
            TenantCount = row.GetInt32("TenantCount") ?? 0,
            ChunkCount = row.GetInt32("ChunkCount") ?? 0,
            ParsedAt = row.GetDateTimeOffset("ParsedAt"),
            Failure = failureCode is null ? null : new ImportFailure(failureCode, row.GetString("FailureMessage") ?? ""),
            Errors = errors,
            Warnings = warnings,
            Refused = refused,
            Chunks = chunks,
        };
    }
}
