using Azure;
using Azure.Data.Tables;
using Tenancy.Core.Audit;
using Tenancy.Core.Common;
using Tenancy.Core.DeviceGroups;
using Tenancy.Storage.Audit;
using Tenancy.Storage.DeviceGroups;
using Page = Tenancy.Core.Common.ResultPage<Tenancy.Core.Tenants.TenantSummary>;
using Tenancy.Core.Tenants;
using Tenancy.Storage.Tables;
using static Tenancy.Storage.Tenants.TenantRows;

namespace Tenancy.Storage.Tenants;

/// <summary>Tenants in Table Storage: one partition per account, each write one entity group transaction.</summary>
public sealed class TableTenantStore(TenancyTables tables) : ITenantStore
{
    private TableClient Table => tables.Tenancy;

    public async Task<Tenant> CreateAsync(string accountId, Tenant tenant, IReadOnlyList<DeviceGroup> groups, AuditEntry? audit, CancellationToken cancellationToken)
    {
        var actions = For(accountId, tenant).Values
            .Select(e => new TableTransactionAction(TableTransactionActionType.Add, e))
            .ToList();
        foreach (var g in groups)
        {
            actions.Add(new(TableTransactionActionType.UpdateMerge,
                new TableEntity(accountId, DeviceGroupRows.GroupKey(g.Id)) { ["TenantId"] = tenant.Id }, new ETag(g.Version)));
            if (g.TenantId is not null)
                actions.Add(new(TableTransactionActionType.Delete, new TableEntity(accountId, GroupRefKey(g.TenantId, g.Id)), ETag.All));
            actions.Add(new(TableTransactionActionType.Add, GroupRefEntity(accountId, tenant.Id, g.Id, g.Name, g.DeviceCount, countPending: true)));
        }
        var previousOwners = groups.Where(g => g.TenantId is not null).GroupBy(g => g.TenantId!).ToDictionary(g => g.Key, g => -g.Count());
        actions.AddRange(await TenantGroupCounts.ActionsAsync(Table, accountId, previousOwners, cancellationToken));
        if (groups.Count > 0) actions.Add(Access.AccessRows.OwnershipAction(accountId, groups.ToDictionary(g => g.Id, _ => (string?)tenant.Id)));
        if (audit is not null) actions.Add(AuditRows.Append(accountId, audit));
        IReadOnlyList<Azure.Response> responses;
        try
        {
            responses = await TableTransactions.SubmitAsync(Table, actions, cancellationToken);
        }
        catch (TableTransactionFailedException ex) when (TableTransactions.IsConflict(ex))
        {
            // A retried create of the same tenant (same id) finds it already written: that is success.
            if (await FindRowAsync(accountId, tenant.Id, cancellationToken) is not null)
                return await FindAsync(accountId, tenant.Id, cancellationToken) ?? throw new ConcurrencyException("The tenant is being deleted.");
            await ThrowClaimConflictAsync(accountId, tenant, tenant.Id, cancellationToken);
            throw new ConcurrencyException("The tenant could not be written; try again.");
        }
        catch (TableTransactionFailedException ex) when (ex.Status is 412 or 404)
        {
            throw new ConcurrencyException("A device group or its tenant changed while the tenant was being created.");
        }
        var tenantRow = actions.FindIndex(a => a.Entity.RowKey == TenantKey(tenant.Id));
        return tenant with
        {
            ETag = responses[tenantRow].Headers.ETag?.ToString() ?? "",
            Groups = groups.Select(g => g with { TenantId = tenant.Id }).ToList(),
        };
    }

    public async Task<IReadOnlyList<Tenant>> CreateTogetherAsync(string accountId, IReadOnlyList<Tenant> tenants, Func<Tenant, AuditEntry>? audit, CancellationToken cancellationToken)
    {
        var alone = new List<Tenant>();
        var batch = new List<Tenant>();
        var actions = new List<TableTransactionAction>();
        var rowKeys = new HashSet<string>(StringComparer.Ordinal);

        async Task FlushAsync()
        {
            try
            {
                await TableTransactions.SubmitAsync(Table, actions, cancellationToken);
            }
            catch (Exception ex) when (ex is TableTransactionFailedException or ValidationException)
            {
                alone.AddRange(batch);
            }
            batch.Clear();
            actions.Clear();
            rowKeys.Clear();
        }

        foreach (var tenant in tenants)
        {
            var rows = For(accountId, tenant).Values;
            // Each tenant's entry goes with its rows: several tenants' entries may share a transaction.
            var withEntry = rows.Count + (audit is null ? 0 : TransactionLimits.AuditActions);
            const int room = TransactionLimits.MaxOwnActions + TransactionLimits.AuditActions;
            // The service refuses a transaction that names one row twice: two tenants of one file that claim
            // the same domain (or contact address) cannot share one.
            if (withEntry > room || rows.Any(r => rowKeys.Contains(r.RowKey)))
            {
                alone.Add(tenant);
                continue;
            }
            if (actions.Count + withEntry > room) await FlushAsync();
            batch.Add(tenant);
            foreach (var row in rows)
            {
                actions.Add(new TableTransactionAction(TableTransactionActionType.Add, row));
                rowKeys.Add(row.RowKey);
            }
            if (audit is not null) actions.Add(AuditRows.Append(accountId, audit(tenant)));
        }
        await FlushAsync();
        return alone;
    }

    public async Task<Tenant?> FindAsync(string accountId, string tenantId, CancellationToken cancellationToken)
    {
        var rows = await ReadRangeAsync(accountId, tenantId, cancellationToken);
        if (rows is null || IsDeleting(rows.Tenant)) return null;
        var groups = await Task.WhenAll(rows.GroupEntries.Select(e => TableDeviceGroupStore.FromEntryAsync(Table, accountId, tenantId, e, cancellationToken)));
        return ReadTenant(rows.Tenant, rows.Contacts) with { Groups = groups.OfType<DeviceGroup>().ToList() };
    }

    /// <summary>A tenant's rows: its own, its contacts and its group entries, in one range query.</summary>
    private sealed record TenantRange(TableEntity Tenant, List<TableEntity> Contacts, List<TableEntity> GroupEntries);

    private async Task<TenantRange?> ReadRangeAsync(string accountId, string tenantId, CancellationToken cancellationToken)
    {
        TableEntity? tenant = null;
        var contacts = new List<TableEntity>();
        var entries = new List<TableEntity>();
        var key = TenantKey(tenantId);
        await foreach (var row in Table.QueryAsync<TableEntity>(RowKeys.PrefixFilter(accountId, RangePrefix(tenantId)), cancellationToken: cancellationToken))
        {
            if (row.RowKey == key) tenant = row;
            else if (IsContact(row)) contacts.Add(row);
            else if (IsGroupRef(row)) entries.Add(row);
        }
        return tenant is null ? null : new TenantRange(tenant, contacts, entries);
    }

    public Task<Page> ListAsync(string accountId, string? namePrefix, PageRequest page, CancellationToken cancellationToken) =>
        TablePages.ReadAsync(Table, RowKeys.PrefixFilter(accountId, namePrefix is null ? NamePrefix : NameKey(namePrefix)), page, ReadSummary, cancellationToken);

    /// <summary>Up to this many reached tenants are read one by one; more, and one scan of the name index is cheaper.</summary>
    public const int DirectReadsAtMost = 20;

    public async Task<Core.Common.ResultPage<TenantSummary>> ListByIdsAsync(string accountId, IReadOnlyCollection<string> tenantIds, string? namePrefix, PageRequest page, CancellationToken cancellationToken)
    {
        // Both ways page by the list row's key (N|{name key}), so a token of one is good for the other.
        if (tenantIds.Count > DirectReadsAtMost) return await ScanForAsync(accountId, tenantIds.ToHashSet(StringComparer.Ordinal), namePrefix, page, cancellationToken);

        // Only the name of each tenant first (its list row's key follows from it), then the list rows of one page.
        var rows = await Task.WhenAll(tenantIds.Where(Core.Common.Ids.LooksValid).Select(async id =>
            (Id: id, Row: await Table.GetEntityIfExistsAsync<TableEntity>(accountId, TenantKey(id), ["Name", "Deleting"], cancellationToken))));
        var named = rows.Where(r => r.Row.HasValue && !IsDeleting(r.Row.Value!))
            .Select(r => (r.Id, Key: TenantName.Key(r.Row.Value!.GetString("Name"))))
            .Where(t => namePrefix is null || t.Key.StartsWith(namePrefix, StringComparison.Ordinal));
        var selected = Core.Common.KeyTokens.Page(named, t => NameKey(t.Key), page);
        var summaries = await Task.WhenAll(selected.Items.Select(async t =>
        {
            var row = await Table.GetEntityIfExistsAsync<TableEntity>(accountId, NameKey(t.Key), cancellationToken: cancellationToken);
            return row.HasValue && row.Value!.GetString("TenantId") == t.Id ? ReadSummary(row.Value) : null;
        }));
        return new(summaries.OfType<TenantSummary>().ToList(), selected.ContinuationToken);
    }

    /// <summary>
    /// The name index from the token on, keeping the reached tenants' rows, until a page is full. The first read asks for
    /// one page's worth of rows, as the account key's list does; each further one twice as many (up to the service's
    /// 1000), so that a technician reaching most tenants reads what the account key reads, and one reaching few of many
    /// tenants still needs few reads.
    /// </summary>
    private async Task<Core.Common.ResultPage<TenantSummary>> ScanForAsync(string accountId, HashSet<string> tenantIds, string? namePrefix, PageRequest page, CancellationToken cancellationToken)
    {
        var after = Core.Common.KeyTokens.Unwrap(page.ContinuationToken);
        var filter = RowKeys.PrefixFilter(accountId, namePrefix is null ? NamePrefix : NameKey(namePrefix))
            + (after is null ? "" : $" and RowKey gt '{after.Replace("'", "''")}'");
        var found = new List<TableEntity>();
        var size = page.PageSize + 1;
        string? tableToken = null;
        do
        {
            Azure.Page<TableEntity>? read = null;
            await foreach (var tablePage in Table.QueryAsync<TableEntity>(filter, size, cancellationToken: cancellationToken).AsPages(tableToken, size))
            {
                read = tablePage;
                break;
            }
            if (read is null) break;
            found.AddRange(read.Values.Where(row => tenantIds.Contains(row.GetString("TenantId"))).Take(page.PageSize + 1 - found.Count));
            tableToken = read.ContinuationToken;
            size = Math.Min(size * 2, 1000);
        } while (found.Count <= page.PageSize && tableToken is not null);
        var items = found.Take(page.PageSize).ToList();
        return new(items.Select(ReadSummary).ToList(), found.Count > page.PageSize ? Core.Common.KeyTokens.Wrap(items[^1].RowKey) : null);
    }

    public async Task<Tenant> UpdateAsync(string accountId, Tenant before, Tenant after, AuditEntry? audit, CancellationToken cancellationToken)
    {
        var oldRows = For(accountId, before);
        var newRows = For(accountId, after);
        var actions = new List<TableTransactionAction>
        {
            // The tenant row is always written with the tag we read: it guards the whole tenant.
            new(TableTransactionActionType.UpdateReplace, newRows[TenantKey(after.Id)], new ETag(before.ETag)),
        };
        foreach (var (key, row) in oldRows.Where(r => r.Key != TenantKey(after.Id)))
        {
            if (!newRows.TryGetValue(key, out var replacement))
                actions.Add(new(TableTransactionActionType.Delete, row, ETag.All));
            else if (!SameValues(row, replacement))
                actions.Add(new(TableTransactionActionType.UpdateReplace, replacement, ETag.All));
        }
        actions.AddRange(newRows.Where(r => !oldRows.ContainsKey(r.Key))
            .Select(r => new TableTransactionAction(TableTransactionActionType.Add, r.Value)));
        if (audit is not null) actions.Add(AuditRows.Append(accountId, audit));

        try
        {
            var response = await TableTransactions.SubmitAsync(Table, actions, cancellationToken);
            return after with { ETag = response[0].Headers.ETag?.ToString() ?? "" };
        }
        catch (TableTransactionFailedException ex) when (TableTransactions.IsConflict(ex))
        {
            await ThrowClaimConflictAsync(accountId, after, after.Id, cancellationToken);
            throw new ConcurrencyException("The tenant changed while it was being updated.");
        }
        catch (TableTransactionFailedException ex) when (ex.Status is 412 or 404)
        {
            throw new ConcurrencyException("The tenant changed while it was being updated.");
        }
    }

    public async Task<bool> DeleteAsync(string accountId, string tenantId, Func<Tenant, AuditEntry>? audit, CancellationToken cancellationToken)
    {
        while (true)
        {
            var range = await ReadRangeAsync(accountId, tenantId, cancellationToken);
            if (range is null) return false;
            var tenant = ReadTenant(range.Tenant, range.Contacts);
            // A tenant already hidden was recorded by the delete that hid it; this call only finishes the job.
            var entry = IsDeleting(range.Tenant) || audit is null ? null
                : audit(tenant with { Groups = range.GroupEntries.Select(e => new DeviceGroup(e.GetString("GroupId"), e.GetString("Name"), tenantId, 0, default)).ToList() });
            try
            {
                await DeleteRowsAsync(accountId, tenant, range.Tenant, range.GroupEntries, entry, cancellationToken);
                return true;
            }
            catch (RequestFailedException ex) when (ex.Status is 412 or 404)
            {
                // Someone changed the tenant meanwhile: read it again and finish the job.
            }
        }
    }

    private async Task DeleteRowsAsync(string accountId, Tenant tenant, TableEntity tenantRow, List<TableEntity> groups, AuditEntry? audit, CancellationToken cancellationToken)
    {
        var rows = For(accountId, tenant);
        var tenantKey = TenantKey(tenant.Id);
        var nameKey = NameKey(tenant.NameKey);
        if (rows.Count + groups.Count * 2 > TransactionLimits.MaxOwnActions && !IsDeleting(tenantRow))
        {
            // Too many rows for one transaction: hide the tenant first, then delete its rows in batches.
            var hidden = For(accountId, tenant, deleting: true)[tenantKey];
            List<TableTransactionAction> hide = [new(TableTransactionActionType.UpdateReplace, hidden, tenantRow.ETag)];
            if (audit is not null) hide.Add(AuditRows.Append(accountId, audit));
            var marked = await TableTransactions.SubmitAsync(Table, hide, cancellationToken);
            audit = null;
            tenantRow = hidden;
            tenantRow.ETag = marked[0].Headers.ETag ?? ETag.All;
        }

        var children = rows.Values.Where(r => r.RowKey != tenantKey && r.RowKey != nameKey).ToList();
        if (IsDeleting(tenantRow) || children.Count + groups.Count * 2 + 2 > TransactionLimits.MaxOwnActions)
        {
            await DeleteEachAsync(children, cancellationToken);
            if (groups.Count > 0)
                await TableTransactions.SubmitAsync(Table, [Access.AccessRows.OwnershipAction(accountId, groups.ToDictionary(g => g.GetString("GroupId"), _ => (string?)null))], cancellationToken);
            foreach (var entry in groups)
            {
                // The group first, then its entry: the other order would leave, for a moment, a group that names this
                // tenant without an entry, which a move could not take away.
                await Table.UpdateEntityAsync(Unassigned(accountId, entry), ETag.All, TableUpdateMode.Merge, cancellationToken);
                await Table.DeleteEntityAsync(entry.PartitionKey, entry.RowKey, ETag.All, cancellationToken);
            }
            children = [];
            groups = [];
        }

        // A group entry is deleted with If-Match *: it fails the transaction when a move took the group away meanwhile.
        var final = children.Select(r => new TableTransactionAction(TableTransactionActionType.Delete, r, ETag.All))
            .Concat(groups.SelectMany(g => new TableTransactionAction[]
            {
                new(TableTransactionActionType.UpdateMerge, Unassigned(accountId, g), ETag.All),
                new(TableTransactionActionType.Delete, g, ETag.All),
            }))
            .Append(new(TableTransactionActionType.Delete, rows[nameKey], ETag.All))
            .Append(new(TableTransactionActionType.Delete, rows[tenantKey], tenantRow.ETag))
            .ToList();
        if (groups.Count > 0) final.Add(Access.AccessRows.OwnershipAction(accountId, groups.ToDictionary(g => g.GetString("GroupId"), _ => (string?)null)));
        if (audit is not null) final.Add(AuditRows.Append(accountId, audit));
        await TableTransactions.SubmitAsync(Table, final, cancellationToken);
    }

    /// <summary>The group of an entry, unassigned: it stays, without a tenant, when its tenant is deleted.</summary>
    private static TableEntity Unassigned(string accountId, TableEntity entry) =>
        new(accountId, DeviceGroupRows.GroupKey(entry.GetString("GroupId"))) { ["TenantId"] = "" };

    /// <summary>Deletes rows one by one where a row may already be gone (a resumed delete).</summary>
    private async Task DeleteEachAsync(IEnumerable<TableEntity> rows, CancellationToken cancellationToken)
    {
        foreach (var row in rows)
            await Table.DeleteEntityAsync(row.PartitionKey, row.RowKey, ETag.All, cancellationToken);
    }

    private async Task<TableEntity?> FindRowAsync(string accountId, string tenantId, CancellationToken cancellationToken)
    {
        var response = await Table.GetEntityIfExistsAsync<TableEntity>(accountId, TenantKey(tenantId), cancellationToken: cancellationToken);
        return response.HasValue ? response.Value : null;
    }

    /// <summary>Names the tenant that already holds the name or a domain this tenant claims.</summary>
    private async Task ThrowClaimConflictAsync(string accountId, Tenant tenant, string tenantId, CancellationToken cancellationToken)
    {
        var nameOwner = await Table.GetEntityIfExistsAsync<TableEntity>(accountId, NameKey(tenant.NameKey), cancellationToken: cancellationToken);
        if (nameOwner.HasValue && nameOwner.Value!.GetString("TenantId") != tenantId)
            throw TenantConflicts.NameTaken(tenant.Name, nameOwner.Value.GetString("TenantId"), nameOwner.Value.GetString("Name"));

        foreach (var domain in tenant.Domains)
        {
            var owner = await Table.GetEntityIfExistsAsync<TableEntity>(accountId, DomainKey(domain), cancellationToken: cancellationToken);
            if (owner.HasValue && owner.Value!.GetString("TenantId") != tenantId)
                throw TenantConflicts.DomainTaken(domain, owner.Value.GetString("TenantId"), owner.Value.GetString("TenantName"));
        }
    }
}
