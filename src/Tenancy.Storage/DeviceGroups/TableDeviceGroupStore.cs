using Azure;
using Azure.Data.Tables;
using Tenancy.Core.Audit;
using Tenancy.Core.Common;
using Tenancy.Core.DeviceGroups;
using Tenancy.Storage.Audit;
using Tenancy.Storage.Tables;
using Tenancy.Storage.Tenants;
using static Tenancy.Storage.DeviceGroups.DeviceGroupRows;

namespace Tenancy.Storage.DeviceGroups;

/// <summary>Device groups and devices in Table Storage, in the account's partition.</summary>
public sealed class TableDeviceGroupStore(TenancyTables tables) : IDeviceGroupStore
{
    /// <summary>Devices handled per transaction when a group is deleted (two rows each, under the 100-action limit).</summary>
    public const int DevicesPerBatch = 49;

    private TableClient Table => tables.Tenancy;

    public async Task<DeviceGroup> CreateAsync(string accountId, DeviceGroup group, AuditEntry? audit, CancellationToken cancellationToken)
    {
        var actions = new List<TableTransactionAction>
        {
            new(TableTransactionActionType.Add, GroupEntity(accountId, group)),
            new(TableTransactionActionType.Add, GroupDeviceCounts.CountEntity(accountId, group.Id)),
        };
        if (group.TenantId is not null)
        {
            actions.Add(new(TableTransactionActionType.Add, TenantRows.GroupRefEntity(accountId, group.TenantId, group.Id, group.Name, 0, countPending: false)));
            actions.AddRange(await TenantGroupCounts.ActionsAsync(Table, accountId, new Dictionary<string, int> { [group.TenantId] = 1 }, cancellationToken));
            actions.Add(Access.AccessRows.OwnershipAction(accountId, new Dictionary<string, string?> { [group.Id] = group.TenantId }));
        }
        if (audit is not null) actions.Add(AuditRows.Append(accountId, audit));
        await SubmitAsync(actions, cancellationToken);
        return await FindAsync(accountId, group.Id, cancellationToken) ?? group;
    }

    public async Task<DeviceGroup?> FindAsync(string accountId, string groupId, CancellationToken cancellationToken)
    {
        if (await GroupDeviceCounts.ReadAsync(Table, accountId, groupId, cancellationToken) is not { } rows || IsDeleting(rows.Group)) return null;
        if (rows.Deltas.Count >= GroupDeviceCounts.FoldAt) await GroupDeviceCounts.TryFoldAsync(Table, rows, entryPending: false, cancellationToken);
        return ReadGroup(rows.Group) with { DeviceCount = rows.Count };
    }

    public async Task<IReadOnlyList<DeviceGroup>> FindManyAsync(string accountId, IReadOnlyList<string> groupIds, CancellationToken cancellationToken)
    {
        var groups = await Task.WhenAll(groupIds.Select(id => FindAsync(accountId, id, cancellationToken)));
        return groups.OfType<DeviceGroup>().ToList();
    }

    public async Task<Core.Common.ResultPage<DeviceGroup>> ListAsync(string accountId, string? tenantId, bool unassignedOnly, PageRequest page, CancellationToken cancellationToken)
    {
        if (tenantId is not null)
        {
            // A tenant's groups are its entries, with their counts: one more query only for a group with pending writes.
            if (!Core.Common.Ids.LooksValid(tenantId)) return new([], null);
            var entries = await PageAsync(RowKeys.PrefixFilter(accountId, TenantRows.GroupsPrefix(tenantId)), page, r => r, cancellationToken);
            var owned = await Task.WhenAll(entries.Items.Select(e => FromEntryAsync(Table, accountId, tenantId, e, cancellationToken)));
            return new(owned.OfType<DeviceGroup>().ToList(), entries.ContinuationToken);
        }
        var filter = RowKeys.PrefixFilter(accountId, GroupPrefix) + " and Deleting eq false";
        if (unassignedOnly) filter += " and TenantId eq ''";
        var rows = await PageAsync(filter, page, r => r, cancellationToken);
        var groups = await Task.WhenAll(rows.Items.Select(r => FindAsync(accountId, ReadGroup(r).Id, cancellationToken)));
        return new(groups.OfType<DeviceGroup>().ToList(), rows.ContinuationToken);
    }

    /// <summary>A group from its entry under a tenant, with its exact device count (its own rows read only while device writes are pending).</summary>
    public static async Task<DeviceGroup?> FromEntryAsync(TableClient table, string accountId, string tenantId, TableEntity entry, CancellationToken cancellationToken)
    {
        var groupId = entry.GetString("GroupId");
        if (entry.GetBoolean("CountPending") != true)
            return new DeviceGroup(groupId, entry.GetString("Name"), tenantId, entry.GetInt32("DeviceCount") ?? 0, default);
        if (await GroupDeviceCounts.ReadAsync(table, accountId, groupId, cancellationToken) is not { } rows || IsDeleting(rows.Group)) return null;
        await GroupDeviceCounts.TryFoldAsync(table, rows, entryPending: true, cancellationToken);
        var group = ReadGroup(rows.Group) with { DeviceCount = rows.Count };
        return group.TenantId == tenantId ? group : null;
    }

    public async Task SetTenantAsync(string accountId, IReadOnlyList<DeviceGroup> groups, string? tenantId, AuditEntry? audit, CancellationToken cancellationToken)
    {
        var deltas = new Dictionary<string, int>();
        var actions = new List<TableTransactionAction>();
        foreach (var group in groups.Where(g => g.TenantId != tenantId))
        {
            if (group.TenantId is not null) deltas[group.TenantId] = deltas.GetValueOrDefault(group.TenantId) - 1;
            if (tenantId is not null) deltas[tenantId] = deltas.GetValueOrDefault(tenantId) + 1;
            actions.Add(new(TableTransactionActionType.UpdateMerge,
                new TableEntity(accountId, GroupKey(group.Id)) { ["TenantId"] = tenantId ?? "" }, new ETag(group.Version)));
            // The entries move with the group. The new one is marked pending: device writes since the group was read
            // are not in its count, and they did not change the group's ETag (so that a busy group can move).
            if (group.TenantId is not null)
                actions.Add(new(TableTransactionActionType.Delete, new TableEntity(accountId, TenantRows.GroupRefKey(group.TenantId, group.Id)), ETag.All));
            if (tenantId is not null)
                actions.Add(new(TableTransactionActionType.UpsertReplace,
                    TenantRows.GroupRefEntity(accountId, tenantId, group.Id, group.Name, group.DeviceCount, countPending: true)));
        }
        // The target tenant's row is written even when its count does not change, so that a tenant deleted
        // meanwhile fails the transaction instead of receiving groups.
        if (tenantId is not null && !deltas.ContainsKey(tenantId)) deltas[tenantId] = 0;
        actions.AddRange(await TenantGroupCounts.ActionsAsync(Table, accountId, deltas, cancellationToken));
        if (tenantId is not null && actions.Count > 0 && deltas[tenantId] == 0)
            actions.AddRange(await TouchTenantAsync(accountId, tenantId, cancellationToken));
        var moved = groups.Where(g => g.TenantId != tenantId).ToDictionary(g => g.Id, _ => tenantId);
        if (moved.Count > 0) actions.Add(Access.AccessRows.OwnershipAction(accountId, moved));
        if (audit is not null && actions.Count > 0) actions.Add(AuditRows.Append(accountId, audit));
        await SubmitAsync(actions, cancellationToken);
    }

    public async Task<IReadOnlyDictionary<string, string>> TenantNamesAsync(string accountId, IEnumerable<string> tenantIds, CancellationToken cancellationToken)
    {
        var names = new Dictionary<string, string>();
        foreach (var id in tenantIds.Distinct())
        {
            var row = await Table.GetEntityIfExistsAsync<TableEntity>(accountId, TenantRows.TenantKey(id), ["Name"], cancellationToken);
            if (row.HasValue) names[id] = row.Value!.GetString("Name");
        }
        return names;
    }

    public async Task<bool> DeleteAsync(string accountId, string groupId, bool withDevices, Func<DeviceGroup, AuditEntry>? audit, CancellationToken cancellationToken)
    {
        var row = await ConcurrencyRetry.RunAsync(async () =>
        {
            var row = await GroupRowAsync(accountId, groupId, cancellationToken);
            if (row is null || IsDeleting(row)) return row;
            // Recorded with the write that hides the group, from the group as this attempt read it.
            var entry = audit is null ? null : audit(ReadGroup(row) with { DeviceCount = await DeviceCountAsync(accountId, groupId, cancellationToken) });
            // Hide the group first (and take it off its tenant): a delete interrupted after this point is finished by
            // the next delete call. Device writes do not change the group row, so only a move or a delete races this.
            row["Deleting"] = true;
            row["DeleteWithDevices"] = withDevices;
            var hide = new List<TableTransactionAction> { new(TableTransactionActionType.UpdateReplace, row, row.ETag) };
            if (NullIfEmpty(row.GetString("TenantId")) is { } owner)
                hide.Add(new(TableTransactionActionType.Delete, new TableEntity(accountId, TenantRows.GroupRefKey(owner, groupId)), ETag.All));
            hide.Add(Access.AccessRows.OwnershipAction(accountId, new Dictionary<string, string?> { [groupId] = Access.AccessRows.DeletedOwner }));
            if (entry is not null) hide.Add(AuditRows.Append(accountId, entry));
            await SubmitAsync(hide, cancellationToken);
            return row;
        }, cancellationToken);
        if (row is null) return false;
        withDevices = row.GetBoolean("DeleteWithDevices") ?? withDevices;

        await ConcurrencyRetry.RunAsync(async () =>
        {
            // Read first: a device that joins after this read changes the count row's ETag, so the last delete fails
            // and this runs again, sweeping that device too.
            if (await GroupDeviceCounts.ReadAsync(Table, accountId, groupId, cancellationToken) is not { } rows) return;
            var current = rows.Group;
            await RemoveDevicesAsync(accountId, groupId, withDevices, cancellationToken);
            foreach (var batch in rows.Deltas.Chunk(TransactionLimits.MaxOwnActions))
                await SubmitAsync(batch.Select(d => new TableTransactionAction(TableTransactionActionType.Delete, d, ETag.All)).ToList(), cancellationToken);
            var final = new List<TableTransactionAction> { new(TableTransactionActionType.Delete, current, current.ETag) };
            if (rows.CountRow is not null) final.Add(new(TableTransactionActionType.Delete, rows.CountRow, rows.CountRow.ETag));
            if (NullIfEmpty(current.GetString("TenantId")) is { } tenantId)
                final.AddRange(await TenantGroupCounts.ActionsAsync(Table, accountId, new Dictionary<string, int> { [tenantId] = -1 }, cancellationToken));
            await SubmitAsync(final, cancellationToken);
        }, cancellationToken);
        return true;
    }

    /// <summary>Takes every device out of a group being deleted, in batches: deleted, or left ungrouped.</summary>
    private async Task RemoveDevicesAsync(string accountId, string groupId, bool withDevices, CancellationToken cancellationToken)
    {
        while (true)
        {
            var batch = new List<TableEntity>();
            await foreach (var index in Table.QueryAsync<TableEntity>(RowKeys.PrefixFilter(accountId, GroupDevicesPrefix(groupId)), DevicesPerBatch, cancellationToken: cancellationToken))
            {
                batch.Add(index);
                if (batch.Count == DevicesPerBatch) break;
            }
            if (batch.Count == 0) break;

            var actions = new List<TableTransactionAction>();
            foreach (var index in batch)
            {
                actions.Add(new(TableTransactionActionType.Delete, index, ETag.All));
                var device = new TableEntity(accountId, DeviceKey(index.GetString("DeviceId")));
                actions.Add(withDevices
                    ? new(TableTransactionActionType.Delete, device, ETag.All)
                    : new(TableTransactionActionType.UpdateMerge, new TableEntity(accountId, device.RowKey) { ["GroupId"] = "" }, ETag.All));
            }
            await SubmitAsync(actions, cancellationToken);
        }
    }

    public async Task<Device> CreateDeviceAsync(string accountId, Device device, AuditEntry? audit, CancellationToken cancellationToken)
    {
        await ConcurrencyRetry.RunAsync(async () =>
        {
            var actions = new List<TableTransactionAction> { new(TableTransactionActionType.Add, DeviceEntity(accountId, device)) };
            if (device.GroupId is not null)
                actions.AddRange(await JoinGroupAsync(accountId, device.GroupId, device.Id, +1, cancellationToken));
            if (audit is not null) actions.Add(AuditRows.Append(accountId, audit));
            await SubmitAsync(actions, cancellationToken);
        }, cancellationToken);
        await MaybeFoldAsync(accountId, device.GroupId, cancellationToken);
        return await FindDeviceAsync(accountId, device.Id, cancellationToken) ?? device;
    }

    public async Task<Device?> FindDeviceAsync(string accountId, string deviceId, CancellationToken cancellationToken)
    {
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(accountId, DeviceKey(deviceId), cancellationToken: cancellationToken);
        if (!row.HasValue) return null;
        var groupId = NullIfEmpty(row.Value!.GetString("GroupId"));
        var group = groupId is null ? null : await FindAsync(accountId, groupId, cancellationToken);
        return ReadDevice(row.Value, group?.TenantId) with { GroupId = group?.Id };
    }

    public async Task<Core.Common.ResultPage<Device>> ListDevicesAsync(string accountId, string? groupId, string? tenantId, PageRequest page, CancellationToken cancellationToken)
    {
        if (groupId is null && tenantId is null)
        {
            var all = await PageAsync(RowKeys.PrefixFilter(accountId, DevicePrefix), page, r => r, cancellationToken);
            return new(await WithTenantsAsync(accountId, all.Items, cancellationToken), all.ContinuationToken);
        }

        // A tenant's devices are its groups' devices: page through its groups in order, one group at a time.
        var groupIds = groupId is not null
            ? [groupId]
            : (await ListAllAsync(accountId, tenantId!, cancellationToken)).Select(g => g.Id).Order(StringComparer.Ordinal).ToList();
        return await ListGroupsDevicesAsync(accountId, groupIds, groupId, tenantId, page, cancellationToken);
    }

    public Task<Core.Common.ResultPage<Device>> ListDevicesInGroupsAsync(string accountId, IReadOnlyList<string> groupIds, PageRequest page, CancellationToken cancellationToken) =>
        ListGroupsDevicesAsync(accountId, groupIds.Order(StringComparer.Ordinal).ToList(), null, null, page, cancellationToken);

    private async Task<Core.Common.ResultPage<Device>> ListGroupsDevicesAsync(
        string accountId, List<string> groupIds, string? groupId, string? tenantId, PageRequest page, CancellationToken cancellationToken)
    {
        var (startGroup, innerToken) = SplitToken(page.ContinuationToken);
        var startIndex = startGroup is null ? 0 : Math.Max(0, groupIds.IndexOf(startGroup));
        for (var i = startIndex; i < groupIds.Count; i++)
        {
            var group = await FindAsync(accountId, groupIds[i], cancellationToken);
            if (group is null || (tenantId is not null && group.TenantId != tenantId))
            {
                if (groupId is not null) throw new NotFoundException($"Device group '{groupId}' was not found.");
                continue;
            }
            var indexPage = await PageAsync(RowKeys.PrefixFilter(accountId, GroupDevicesPrefix(group.Id)),
                new PageRequest(page.PageSize, i == startIndex ? innerToken : null), r => r.GetString("DeviceId"), cancellationToken);
            if (indexPage.Items.Count == 0 && indexPage.ContinuationToken is null) continue;

            var devices = await Task.WhenAll(indexPage.Items.Select(id => Table.GetEntityIfExistsAsync<TableEntity>(accountId, DeviceKey(id), cancellationToken: cancellationToken)));
            var items = devices.Where(d => d.HasValue).Select(d => ReadDevice(d.Value!, group.TenantId)).ToList();
            var next = indexPage.ContinuationToken is not null ? JoinToken(group.Id, indexPage.ContinuationToken)
                : i + 1 < groupIds.Count ? JoinToken(groupIds[i + 1], null) : null;
            return new(items, next);
        }
        return new([], null);
    }

    public async Task<Device> MoveDeviceAsync(string accountId, string deviceId, string? groupId, Func<Device, Device, AuditEntry>? audit, CancellationToken cancellationToken)
    {
        await ConcurrencyRetry.RunAsync(async () =>
        {
            var response = await Table.GetEntityIfExistsAsync<TableEntity>(accountId, DeviceKey(deviceId), cancellationToken: cancellationToken);
            if (!response.HasValue) throw new NotFoundException($"Device '{deviceId}' was not found.");
            var row = response.Value!;
            var from = NullIfEmpty(row.GetString("GroupId"));
            if (from == groupId) return;

            var before = ReadDevice(row, null) with { GroupId = from };
            row["GroupId"] = groupId ?? "";
            var actions = new List<TableTransactionAction> { new(TableTransactionActionType.UpdateReplace, row, row.ETag) };
            if (from is not null && await GroupRowAsync(accountId, from, cancellationToken) is not null)
                actions.AddRange(await JoinGroupAsync(accountId, from, deviceId, -1, cancellationToken));
            if (groupId is not null)
                actions.AddRange(await JoinGroupAsync(accountId, groupId, deviceId, +1, cancellationToken));
            if (audit is not null) actions.Add(AuditRows.Append(accountId, audit(before, before with { GroupId = groupId })));
            await SubmitAsync(actions, cancellationToken);
        }, cancellationToken);
        await MaybeFoldAsync(accountId, groupId, cancellationToken);
        return (await FindDeviceAsync(accountId, deviceId, cancellationToken))!;
    }

    /// <summary>Now and then a device write folds its group's deltas, so that they stay few between reads.</summary>
    private async Task MaybeFoldAsync(string accountId, string? groupId, CancellationToken cancellationToken)
    {
        if (groupId is null || Random.Shared.Next(GroupDeviceCounts.FoldEveryWrites) != 0) return;
        if (await GroupDeviceCounts.ReadAsync(Table, accountId, groupId, cancellationToken) is { } rows)
            await GroupDeviceCounts.TryFoldAsync(Table, rows, entryPending: false, cancellationToken);
    }

    /// <summary>Actions that add a device to (+1) or take it out of (-1) a group's index and count.</summary>
    private async Task<List<TableTransactionAction>> JoinGroupAsync(string accountId, string groupId, string deviceId, int delta, CancellationToken cancellationToken)
    {
        var group = await GroupRowAsync(accountId, groupId, cancellationToken);
        if (group is null || IsDeleting(group))
        {
            if (delta > 0) throw new NotFoundException($"Device group '{groupId}' was not found.");
            return [];
        }
        var index = GroupDeviceEntity(accountId, groupId, deviceId);
        return
        [
            delta > 0 ? new(TableTransactionActionType.Add, index) : new(TableTransactionActionType.Delete, index, ETag.All),
            .. GroupDeviceCounts.Change(accountId, groupId, NullIfEmpty(group.GetString("TenantId")), delta),
        ];
    }

    private async Task<IReadOnlyList<TableTransactionAction>> TouchTenantAsync(string accountId, string tenantId, CancellationToken cancellationToken)
    {
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(accountId, TenantRows.TenantKey(tenantId), cancellationToken: cancellationToken);
        if (!row.HasValue || TenantRows.IsDeleting(row.Value!)) throw new NotFoundException($"Tenant '{tenantId}' was not found.");
        return [new(TableTransactionActionType.UpdateMerge, new TableEntity(accountId, row.Value!.RowKey), row.Value.ETag)];
    }

    private Task<List<DeviceGroup>> ListAllAsync(string accountId, string tenantId, CancellationToken cancellationToken) =>
        PageRequest.ReadAllAsync(page => ListAsync(accountId, tenantId, false, page, cancellationToken));

    private async Task<IReadOnlyList<Device>> WithTenantsAsync(string accountId, IReadOnlyList<TableEntity> rows, CancellationToken cancellationToken)
    {
        var groups = new Dictionary<string, DeviceGroup?>();
        var devices = new List<Device>();
        foreach (var row in rows)
        {
            var groupId = NullIfEmpty(row.GetString("GroupId"));
            if (groupId is not null && !groups.ContainsKey(groupId)) groups[groupId] = await FindAsync(accountId, groupId, cancellationToken);
            var group = groupId is null ? null : groups[groupId];
            devices.Add(ReadDevice(row, group?.TenantId) with { GroupId = group?.Id });
        }
        return devices;
    }

    private Task<Core.Common.ResultPage<T>> PageAsync<T>(string filter, PageRequest page, Func<TableEntity, T> read, CancellationToken cancellationToken) =>
        TablePages.ReadAsync(Table, filter, page, read, cancellationToken);

    private static string JoinToken(string groupId, string? inner) =>
        ContinuationTokens.Wrap(groupId + " " + (ContinuationTokens.Unwrap(inner) ?? ""))!;

    private static (string? GroupId, string? Inner) SplitToken(string? token)
    {
        var text = ContinuationTokens.Unwrap(token);
        if (text is null) return (null, null);
        var parts = text.Split(' ', 2);
        return (parts[0], parts.Length > 1 && parts[1].Length > 0 ? ContinuationTokens.Wrap(parts[1]) : null);
    }

    private async Task<int> DeviceCountAsync(string accountId, string groupId, CancellationToken cancellationToken) =>
        (await GroupDeviceCounts.ReadAsync(Table, accountId, groupId, cancellationToken))?.Count ?? 0;

    private async Task<TableEntity?> GroupRowAsync(string accountId, string groupId, CancellationToken cancellationToken)
    {
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(accountId, GroupKey(groupId), cancellationToken: cancellationToken);
        return row.HasValue ? row.Value : null;
    }

    private async Task SubmitAsync(List<TableTransactionAction> actions, CancellationToken cancellationToken)
    {
        try
        {
            await TableTransactions.SubmitAsync(Table, actions, cancellationToken);
        }
        catch (TableTransactionFailedException ex) when (ex.Status is 409 or 412 or 404)
        {
            throw new ConcurrencyException("Device groups changed while they were being written.");
        }
    }
}
