using Tenancy.Core.Audit;
using Tenancy.Core.Common;
using Tenancy.Core.Tenants;

namespace Tenancy.Core.Imports;

/// <summary>
/// The chunk stage's bookkeeping and <c>mode=upsert</c> (R12). Tenants an import creates are recorded with what it
/// wrote; an existing tenant is recorded before it is changed (the first record wins, so a redelivered chunk finds
/// the tenant as it was before the import) and again after, so counts and undo stay right under redelivery.
/// </summary>
public sealed class ImportUpserter(ITenantStore store, TenantService tenants, IImportLedger ledger, TimeProvider clock)
{
    /// <summary>Records the tenants of a chunk that were created (by this delivery or an earlier one).</summary>
    public Task RecordCreatedAsync(ImportChunk chunk, IEnumerable<ImportChunkTenant> created, CancellationToken cancellationToken) =>
        ledger.SaveAsync(chunk.AccountId, chunk.ImportId, chunk.Chunk, created.Select(t =>
            new LedgerEntry(t.TenantId, t.Name, LedgerOutcome.Created, null, AsCreated(chunk.ImportId, t))).ToList(), cancellationToken);

    /// <summary>Creates the chunk's new tenants and updates those whose name exists.</summary>
    public async Task<ChunkResult> UpsertAsync(ImportChunk chunk, TemplateLanguage language, CancellationToken cancellationToken)
    {
        string H(TemplateField field) => TemplateColumns.Header(field, language);
        var existing = new Tenant?[chunk.Tenants.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, chunk.Tenants.Count), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken },
            async (i, ct) => existing[i] = await FindByNameAsync(chunk.AccountId, chunk.Tenants[i].Name, ct));

        // A tenant this import created (an earlier delivery) is created again: the create path recognises it.
        var toCreate = chunk.Tenants.Where((t, i) => existing[i] is null || existing[i]!.Id == t.TenantId).ToList();
        var errors = new List<ImportIssue>();
        var refused = new List<ImportRefusal>();
        var created = new List<ImportChunkTenant>();
        var outcomes = await tenants.CreateImportedAsync(chunk.AccountId, chunk.ImportId, toCreate, cancellationToken);
        foreach (var (tenant, failure) in toCreate.Zip(outcomes))
        {
            if (failure is null)
            {
                created.Add(tenant);
                continue;
            }
            var column = failure is ConflictException { Kind: "domain-taken" } ? H(TemplateField.Domains) : H(TemplateField.TenantName);
            errors.Add(new ImportIssue(tenant.Rows.FirstOrDefault(), column, failure.Message));
            refused.Add(new ImportRefusal(tenant.Name, tenant.Rows));
        }
        await RecordCreatedAsync(chunk, created, cancellationToken);

        int updated = 0, unchanged = 0;
        for (var i = 0; i < chunk.Tenants.Count; i++)
        {
            var tenant = chunk.Tenants[i];
            if (existing[i] is not { } found || found.Id == tenant.TenantId) continue;
            var (outcome, issues) = await UpdateAsync(chunk, tenant, found.Id, language, cancellationToken);
            errors.AddRange(issues);
            switch (outcome)
            {
                case LedgerOutcome.Updated: updated++; break;
                case LedgerOutcome.Unchanged: unchanged++; break;
                default: refused.Add(new ImportRefusal(tenant.Name, tenant.Rows)); break;
            }
        }
        return new ChunkResult(chunk.Chunk, created.Count, errors, refused, clock.GetUtcNow()) { Updated = updated, Unchanged = unchanged };
    }

    /// <summary>What an upsert would do to the account's tenants, without writing: for the validate-only report.</summary>
    public async Task<ChunkResult> PreviewAsync(string accountId, string importId, IReadOnlyList<ImportChunkTenant> file, TemplateLanguage language, CancellationToken cancellationToken)
    {
        int create = 0, update = 0, same = 0;
        var errors = new List<ImportIssue>();
        var refused = new List<ImportRefusal>();
        foreach (var tenant in file)
        {
            if (await FindByNameAsync(accountId, tenant.Name, cancellationToken) is not { } found)
            {
                create++;
                continue;
            }
            var fieldErrors = new FieldErrors();
            var merged = UpsertRules.Merge(found, tenant, importId, clock.GetUtcNow(), fieldErrors);
            if (fieldErrors.Any)
            {
                errors.AddRange(Issues(tenant, fieldErrors, language));
                refused.Add(new ImportRefusal(tenant.Name, tenant.Rows));
            }
            else if (ReferenceEquals(merged, found)) same++;
            else update++;
        }
        return new ChunkResult(0, create, errors, refused, clock.GetUtcNow()) { Updated = update, Unchanged = same };
    }

    private async Task<(LedgerOutcome? Outcome, IReadOnlyList<ImportIssue> Errors)> UpdateAsync(
        ImportChunk chunk, ImportChunkTenant file, string tenantId, TemplateLanguage language, CancellationToken cancellationToken)
    {
        var (accountId, importId) = (chunk.AccountId, chunk.ImportId);
        var entry = await ledger.FindAsync(accountId, importId, chunk.Chunk, tenantId, cancellationToken);
        var domainErrors = new List<ImportIssue>();
        return await ConcurrencyRetry.RunAsync(async () =>
        {
            domainErrors.Clear();
            var current = await store.FindAsync(accountId, tenantId, cancellationToken);
            if (current is null)
                return ((LedgerOutcome?)null, (IReadOnlyList<ImportIssue>)[new ImportIssue(file.Rows.FirstOrDefault(),
                    TemplateColumns.Header(TemplateField.TenantName, language), $"Tenant '{file.Name}' was deleted while the import ran.")]);
            var fieldErrors = new FieldErrors();
            var merged = UpsertRules.Merge(current, file, importId, clock.GetUtcNow(), fieldErrors);
            if (fieldErrors.Any) return (null, Issues(file, fieldErrors, language));
            if (entry is null && ReferenceEquals(merged, current)) return (LedgerOutcome.Unchanged, []);

            entry ??= await ledger.AddAsync(accountId, importId, chunk.Chunk,
                new LedgerEntry(tenantId, current.Name, LedgerOutcome.Updated, TenantSnapshot.Of(current), null), cancellationToken);
            while (!ReferenceEquals(merged, current))
            {
                try
                {
                    current = await store.UpdateAsync(accountId, current, merged,
                        AuditEntry.Of(clock.GetUtcNow(), AuditActions.TenantUpdated, AuditTargets.Tenant, current.Id, current, merged, systemWorkFor: importId), cancellationToken);
                    break;
                }
                catch (ConflictException ex) when (ex.Kind == "domain-taken" && ex.Details.GetValueOrDefault("domain") is string domain
                                                   && !current.Domains.Contains(domain))
                {
                    // A domain owned by another tenant is this row's error; the rest of the tenant is applied.
                    domainErrors.Add(new ImportIssue(file.Rows.FirstOrDefault(), TemplateColumns.Header(TemplateField.Domains, language), ex.Message));
                    var fewer = merged with { Domains = merged.Domains.Where(d => d != domain).ToList() };
                    merged = TenantSnapshot.Of(fewer).SameContent(TenantSnapshot.Of(current)) ? current : fewer;
                }
            }
            var after = TenantSnapshot.Of(current);
            var outcome = entry.Before!.SameContent(after) ? LedgerOutcome.Unchanged : LedgerOutcome.Updated;
            await ledger.SaveAsync(accountId, importId, chunk.Chunk, [entry with { Outcome = outcome, After = after }], cancellationToken);
            return ((LedgerOutcome?)outcome, (IReadOnlyList<ImportIssue>)domainErrors.ToList());
        }, cancellationToken);
    }

    private async Task<Tenant?> FindByNameAsync(string accountId, string name, CancellationToken cancellationToken)
    {
        var key = TenantName.Key(name);
        var page = await store.ListAsync(accountId, key, new PageRequest(1, null), cancellationToken);
        return page.Items is [var first] && TenantName.Key(first.Name) == key ? await store.FindAsync(accountId, first.Id, cancellationToken) : null;
    }

    private static TenantSnapshot AsCreated(string importId, ImportChunkTenant t) => TenantSnapshot.Of(TenantService.Build(
        new NewTenantRequest(t.Name, t.Notes, t.Contacts, Domains: t.Domains), t.TenantId, TenantOrigin.Import(importId),
        DateTimeOffset.UnixEpoch, new FieldErrors(), throwOnErrors: false));

    private static IReadOnlyList<ImportIssue> Issues(ImportChunkTenant file, FieldErrors errors, TemplateLanguage language) =>
        errors.ToDictionary().SelectMany(e => e.Value.Select(m => new ImportIssue(RowOf(file, e.Key), TenantGrouping.ColumnOf(e.Key, language), m))).ToList();

    // contacts[i] is the i-th row of the tenant in the file.
    private static int RowOf(ImportChunkTenant file, string field) =>
        field.StartsWith("contacts[", StringComparison.Ordinal) && field.IndexOf(']') is var close and > 9
        && int.TryParse(field.AsSpan(9, close - 9), out var index) && index < file.Rows.Count
            ? file.Rows[index]
            : file.Rows.FirstOrDefault();
}
