using Azure;
using Azure.Data.Tables;
using Tenancy.Core.Common;
using Tenancy.Core.DeviceGroups;
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

    public async Task<DeviceGroup> CreateAsync(string accountId, DeviceGroup group, CancellationToken cancellationToken)
    {
        var actions = new List<TableTransactionAction> { new(TableTransactionActionType.Add, GroupEntity(accountId, group)) };
        if (group.TenantId is not null)
            actions.AddRange(await TenantGroupCounts.ActionsAsync(Table, accountId, new Dictionary<string, int> { [group.TenantId] = 1 }, cancellationToken));
        await SubmitAsync(actions, cancellationToken);
        return await FindAsync(accountId, group.Id, cancellationToken) ?? group;
    }

    public async Task<DeviceGroup?> FindAsync(string accountId, string groupId, CancellationToken cancellationToken)
    {
        if (await GroupDeviceCounts.ReadAsync(Table, accountId, groupId, cancellationToken) is not var (row, deltas) || IsDeleting(row)) return null;
        if (deltas.Count >= GroupDeviceCounts.FoldAt) await GroupDeviceCounts.TryFoldAsync(Table, row, deltas, cancellationToken);
        return ReadGroup(row) with { DeviceCount = GroupDeviceCounts.Count(row, deltas) };
    }

    public async Task<IReadOnlyList<DeviceGroup>> FindManyAsync(string accountId, IReadOnlyList<string> groupIds, CancellationToken cancellationToken)
    {
        var groups = await Task.WhenAll(groupIds.Select(id => FindAsync(accountId, id, cancellationToken)));
        return groups.OfType<DeviceGroup>().ToList();
    }

    public async Task<Core.Common.Page<DeviceGroup>> ListAsync(string accountId, string? tenantId, bool unassignedOnly, PageRequest page, CancellationToken cancellationToken)
    {
        var filter = RowKeys.PrefixFilter(accountId, GroupPrefix) + " and Deleting ne true";
        if (tenantId is not null) filter += $" and TenantId eq '{tenantId.Replace("'", "''")}'";
        else if (unassignedOnly) filter += " and TenantId eq ''";
        var rows = await PageAsync(filter, page, r => r, cancellationToken);
        var groups = await Task.WhenAll(rows.Items.Where(r => !GroupDeviceCounts.IsDelta(r)).Select(r => WithCountAsync(accountId, r, cancellationToken)));
        return new(groups.OfType<DeviceGroup>().ToList(), rows.ContinuationToken);
    }

    /// <summary>A listed group with its exact device count (one more query only while device writes are pending).</summary>
    private async Task<DeviceGroup?> WithCountAsync(string accountId, TableEntity row, CancellationToken cancellationToken) =>
        GroupDeviceCounts.IsPending(row) ? await FindAsync(accountId, ReadGroup(row).Id, cancellationToken) : ReadGroup(row);

    public async Task SetTenantAsync(string accountId, IReadOnlyList<DeviceGroup> groups, string? tenantId, CancellationToken cancellationToken)
    {
        var deltas = new Dictionary<string, int>();
        var actions = new List<TableTransactionAction>();
        foreach (var group in groups.Where(g => g.TenantId != tenantId))
        {
            if (group.TenantId is not null) deltas[group.TenantId] = deltas.GetValueOrDefault(group.TenantId) - 1;
            if (tenantId is not null) deltas[tenantId] = deltas.GetValueOrDefault(tenantId) + 1;
            actions.Add(new(TableTransactionActionType.UpdateMerge,
                new TableEntity(accountId, GroupKey(group.Id)) { ["TenantId"] = tenantId ?? "" }, new ETag(group.Version)));
        }
        // The target tenant's row is written even when its count does not change, so that a tenant deleted
        // meanwhile fails the transaction instead of receiving groups.
        if (tenantId is not null && !deltas.ContainsKey(tenantId)) deltas[tenantId] = 0;
        actions.AddRange(await TenantGroupCounts.ActionsAsync(Table, accountId, deltas, cancellationToken));
        if (tenantId is not null && actions.Count > 0 && deltas[tenantId] == 0)
            actions.AddRange(await TouchTenantAsync(accountId, tenantId, cancellationToken));
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

    public async Task<bool> DeleteAsync(string accountId, string groupId, bool withDevices, CancellationToken cancellationToken)
    {
        var row = await GroupRowAsync(accountId, groupId, cancellationToken);
        if (row is null) return false;
        if (!IsDeleting(row))
        {
            // Hide the group first: a delete interrupted after this point is finished by the next delete call.
            row["Deleting"] = true;
            row["DeleteWithDevices"] = withDevices;
            await Table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, cancellationToken);
        }
        withDevices = row.GetBoolean("DeleteWithDevices") ?? withDevices;

        await ConcurrencyRetry.RunAsync(async () =>
        {
            // Read first: a device that joins after this read changes the row's ETag, so the last delete fails and
            // this runs again, sweeping that device too.
            if (await GroupDeviceCounts.ReadAsync(Table, accountId, groupId, cancellationToken) is not var (current, deltas)) return;
            await RemoveDevicesAsync(accountId, groupId, withDevices, cancellationToken);
            foreach (var batch in deltas.Chunk(TransactionLimits.MaxActions))
                await SubmitAsync(batch.Select(d => new TableTransactionAction(TableTransactionActionType.Delete, d, ETag.All)).ToList(), cancellationToken);
            var final = new List<TableTransactionAction> { new(TableTransactionActionType.Delete, current, current.ETag) };
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

    public async Task<Device> CreateDeviceAsync(string accountId, Device device, CancellationToken cancellationToken)
    {
        await ConcurrencyRetry.RunAsync(async () =>
        {
            var actions = new List<TableTransactionAction> { new(TableTransactionActionType.Add, DeviceEntity(accountId, device)) };
            if (device.GroupId is not null)
                actions.AddRange(await JoinGroupAsync(accountId, device.GroupId, device.Id, +1, cancellationToken));
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

    public async Task<Core.Common.Page<Device>> ListDevicesAsync(string accountId, string? groupId, string? tenantId, PageRequest page, CancellationToken cancellationToken)
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

    public async Task<Device> MoveDeviceAsync(string accountId, string deviceId, string? groupId, CancellationToken cancellationToken)
    {
        await ConcurrencyRetry.RunAsync(async () =>
        {
            var response = await Table.GetEntityIfExistsAsync<TableEntity>(accountId, DeviceKey(deviceId), cancellationToken: cancellationToken);
            if (!response.HasValue) throw new NotFoundException($"Device '{deviceId}' was not found.");
            var row = response.Value!;
            var from = NullIfEmpty(row.GetString("GroupId"));
            if (from == groupId) return;

            row["GroupId"] = groupId ?? "";
            var actions = new List<TableTransactionAction> { new(TableTransactionActionType.UpdateReplace, row, row.ETag) };
            if (from is not null && await GroupRowAsync(accountId, from, cancellationToken) is not null)
                actions.AddRange(await JoinGroupAsync(accountId, from, deviceId, -1, cancellationToken));
            if (groupId is not null)
                actions.AddRange(await JoinGroupAsync(accountId, groupId, deviceId, +1, cancellationToken));
            await SubmitAsync(actions, cancellationToken);
        }, cancellationToken);
        await MaybeFoldAsync(accountId, groupId, cancellationToken);
        return (await FindDeviceAsync(accountId, deviceId, cancellationToken))!;
    }

    /// <summary>Now and then a device write folds its group's deltas, so that they stay few between reads.</summary>
    private async Task MaybeFoldAsync(string accountId, string? groupId, CancellationToken cancellationToken)
    {
        if (groupId is null || Random.Shared.Next(GroupDeviceCounts.FoldEveryWrites) != 0) return;
        if (await GroupDeviceCounts.ReadAsync(Table, accountId, groupId, cancellationToken) is var (group, deltas))
            await GroupDeviceCounts.TryFoldAsync(Table, group, deltas, cancellationToken);
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
            .. GroupDeviceCounts.Change(accountId, groupId, delta),
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

    private Task<Core.Common.Page<T>> PageAsync<T>(string filter, PageRequest page, Func<TableEntity, T> read, CancellationToken cancellationToken) =>
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
