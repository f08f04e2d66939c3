using Tenancy.Core.Audit;
using Tenancy.Core.Common;

namespace Tenancy.Core.DeviceGroups;

public sealed record NewDevice(string? Name, string? GroupId);

/// <summary>Device group and device use cases (R4).</summary>
public sealed class DeviceGroupService(IDeviceGroupStore store, TimeProvider clock)
{

    public async Task<DeviceGroup> CreateAsync(string accountId, string? name, string? tenantId, CancellationToken cancellationToken)
    {
        var group = new DeviceGroup(Ids.New("grp"), GroupRules.ValidName(name), tenantId, 0, clock.GetUtcNow());
        if (tenantId is not null && !Ids.LooksValid(tenantId)) throw new NotFoundException($"Tenant '{tenantId}' was not found.");
        return await ConcurrencyRetry.RunAsync(() => store.CreateAsync(accountId, group,
            AuditEntry.Of(clock.GetUtcNow(), AuditActions.DeviceGroupCreated, AuditTargets.DeviceGroup, group.Id, null, group), cancellationToken), cancellationToken);
    }

    public Task<ResultPage<DeviceGroup>> ListAsync(string accountId, string? tenantId, bool unassignedOnly, PageRequest page, CancellationToken cancellationToken) =>
        store.ListAsync(accountId, tenantId, unassignedOnly, page, cancellationToken);

    /// <summary>
    /// Reads the groups to assign to a tenant and applies the ownership rule: any owned by another tenant
    /// is a conflict naming that tenant, unless the caller confirmed the move.
    /// </summary>
    public async Task<IReadOnlyList<DeviceGroup>> ReadForAssignmentAsync(
        string accountId, string tenantId, IReadOnlyList<string> groupIds, bool confirmReassign, CancellationToken cancellationToken)
    {
        if (groupIds.Count == 0) return [];
        var groups = await ReadAllAsync(accountId, groupIds, cancellationToken);
        var elsewhere = GroupRules.OwnedElsewhere(groups, tenantId);
        if (elsewhere.Count > 0 && !confirmReassign)
        {
            var names = await store.TenantNamesAsync(accountId, elsewhere.Select(g => g.TenantId!), cancellationToken);
            throw GroupRules.Conflict(elsewhere
                .Select(g => new GroupConflict(g.Id, g.TenantId!, names.GetValueOrDefault(g.TenantId!, "(deleted tenant)")))
                .ToList());
        }
        return groups;
    }

    public Task AssignAsync(string accountId, string tenantId, IReadOnlyList<string>? groupIds, bool confirmReassign, CancellationToken cancellationToken)
    {
        var ids = GroupRules.ValidGroupIds(groupIds);
        return ConcurrencyRetry.RunAsync(async () =>
        {
            var groups = await ReadForAssignmentAsync(accountId, tenantId, ids, confirmReassign, cancellationToken);
            await store.SetTenantAsync(accountId, groups, tenantId, Moves(AuditActions.DeviceGroupAssigned, tenantId, groups, tenantId), cancellationToken);
        }, cancellationToken);
    }

    /// <summary>Unassigns the listed groups that belong to the tenant; others are left as they are (so a retry is harmless).</summary>
    public Task UnassignAsync(string accountId, string tenantId, IReadOnlyList<string>? groupIds, CancellationToken cancellationToken)
    {
        var ids = GroupRules.ValidGroupIds(groupIds);
        return ConcurrencyRetry.RunAsync(async () =>
        {
            var groups = (await ReadAllAsync(accountId, ids, cancellationToken)).Where(g => g.TenantId == tenantId).ToList();
            if (groups.Count > 0) await store.SetTenantAsync(accountId, groups, null, Moves(AuditActions.DeviceGroupUnassigned, tenantId, groups, null), cancellationToken);
        }, cancellationToken);
    }

    /// <summary>
    /// One entry per assign or unassign call, on the tenant of the route, listing the groups that change owner: one row
    /// per group would not fit one transaction beside 25 groups' own rows. Null when no group changes (nothing is written).
    /// </summary>
    private AuditEntry? Moves(string action, string tenantId, IReadOnlyList<DeviceGroup> groups, string? newTenantId)
    {
        var moving = groups.Where(g => g.TenantId != newTenantId).ToList();
        return moving.Count == 0 ? null : AuditEntry.Of(clock.GetUtcNow(), action, AuditTargets.Tenant, tenantId,
            new { deviceGroups = moving.Select(g => new { g.Id, g.Name, g.TenantId }) },
            new { deviceGroups = moving.Select(g => new { g.Id, g.Name, TenantId = newTenantId }) });
    }

    public async Task DeleteAsync(string accountId, string groupId, bool withDevices, CancellationToken cancellationToken)
    {
        if (!Ids.LooksValid(groupId) || !await store.DeleteAsync(accountId, groupId, withDevices,
                g => AuditEntry.Of(clock.GetUtcNow(), AuditActions.DeviceGroupDeleted, AuditTargets.DeviceGroup, g.Id,
                    new { g.Id, g.Name, g.TenantId, g.DeviceCount }, new { devices = withDevices ? "deleted" : "ungrouped" }), cancellationToken))
            throw new NotFoundException($"Device group '{groupId}' was not found.");
    }

    public async Task<Device> CreateDeviceAsync(string accountId, NewDevice request, CancellationToken cancellationToken)
    {
        var name = GroupRules.ValidName(request.Name);
        if (request.GroupId is not null && !Ids.LooksValid(request.GroupId))
            throw new NotFoundException($"Device group '{request.GroupId}' was not found.");
        var device = new Device(Ids.New("dev"), name, request.GroupId, null, clock.GetUtcNow());
        return await store.CreateDeviceAsync(accountId, device,
            AuditEntry.Of(clock.GetUtcNow(), AuditActions.DeviceRegistered, AuditTargets.Device, device.Id, null, device), cancellationToken);
    }

    public Task<ResultPage<Device>> ListDevicesAsync(string accountId, string? groupId, string? tenantId, PageRequest page, CancellationToken cancellationToken)
    {
        if (groupId is not null && !Ids.LooksValid(groupId)) throw new NotFoundException($"Device group '{groupId}' was not found.");
        if (tenantId is not null && !Ids.LooksValid(tenantId)) return Task.FromResult(new ResultPage<Device>([], null));
        return store.ListDevicesAsync(accountId, groupId, tenantId, page, cancellationToken);
    }

    public async Task<Device> MoveDeviceAsync(string accountId, string deviceId, string? groupId, CancellationToken cancellationToken)
    {
        if (!Ids.LooksValid(deviceId)) throw new NotFoundException($"Device '{deviceId}' was not found.");
        if (groupId is not null && !Ids.LooksValid(groupId)) throw new NotFoundException($"Device group '{groupId}' was not found.");
        return await store.MoveDeviceAsync(accountId, deviceId, groupId,
            (before, after) => AuditEntry.Of(clock.GetUtcNow(), AuditActions.DeviceMoved, AuditTargets.Device, deviceId, before, after), cancellationToken);
    }

    private async Task<IReadOnlyList<DeviceGroup>> ReadAllAsync(string accountId, IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        var groups = await store.FindManyAsync(accountId, ids, cancellationToken);
        var missing = ids.Except(groups.Select(g => g.Id)).FirstOrDefault();
        return missing is null ? groups : throw new NotFoundException($"Device group '{missing}' was not found.");
    }
}
