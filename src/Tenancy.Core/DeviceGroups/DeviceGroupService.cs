using Tenancy.Core.Audit;
using Tenancy.Core.Access;
using Tenancy.Core.Common;
using Tenancy.Core.Common.Messages;

namespace Tenancy.Core.DeviceGroups;

public sealed record NewDevice(string? Name, string? GroupId);

/// <summary>Device group and device use cases (R4).</summary>
public sealed class DeviceGroupService(IDeviceGroupStore store, TimeProvider clock)
{

    public async Task<DeviceGroup> CreateAsync(string accountId, string? name, string? tenantId, CancellationToken cancellationToken)
    {
        var group = new DeviceGroup(Ids.New("grp"), GroupRules.ValidName(name), tenantId, 0, clock.GetUtcNow());
        if (tenantId is not null && !Ids.LooksValid(tenantId)) throw new NotFoundException(ApiMessages.TenantNotFound.Text(tenantId));
        return await ConcurrencyRetry.RunAsync(() => store.CreateAsync(accountId, group,
            AuditEntry.Of(clock.GetUtcNow(), AuditActions.DeviceGroupCreated, AuditTargets.DeviceGroup, group.Id, null, group), cancellationToken), cancellationToken);
    }

    /// <summary>Device groups; a technician's are the groups it reaches, read directly rather than by scanning (R10).</summary>
    public async Task<ResultPage<DeviceGroup>> ListAsync(string accountId, string? tenantId, bool unassignedOnly, PageRequest page, CancellationToken cancellationToken)
    {
        var reach = AccessRule.Current;
        if (HidesTenant(reach, tenantId)) return new ResultPage<DeviceGroup>([], null);
        if (reach.AllTenants || (tenantId is not null && reach.ReachesTenant(tenantId)))
            return await store.ListAsync(accountId, tenantId, unassignedOnly, page, cancellationToken);
        var groups = (await ReachedGroupsAsync(accountId, reach, tenantId, cancellationToken))
            .Where(g => tenantId is not null ? g.TenantId == tenantId : !unassignedOnly || g.TenantId is null);
        var listed = KeyTokens.Page(groups, g => g.Id, page);
        return listed with { Items = listed.Items.Select(g => g with { TenantId = Shown(reach, g.TenantId) }).ToList() };
    }

    /// <summary>
    /// A tenant filter on a tenant the caller does not reach answers as an unknown tenant's does (an empty list): that a
    /// group it reaches through a group grant is that tenant's would otherwise show, when the group's answer hides it.
    /// </summary>
    private static bool HidesTenant(Reach reach, string? tenantId) => tenantId is not null && !reach.AllTenants && !reach.ReachesTenant(tenantId);

    /// <summary>
    /// A tenant id as a technician may see it: a group it reaches through a group grant may belong to a tenant it does
    /// not reach, whose id it is not shown (null, as for an unassigned group).
    /// </summary>
    private static string? Shown(Reach reach, string? tenantId) => tenantId is not null && reach.ReachesTenant(tenantId) ? tenantId : null;

    private static ResultPage<Device> Shown(Reach reach, ResultPage<Device> page) =>
        reach.AllTenants ? page : page with { Items = page.Items.Select(d => d with { TenantId = Shown(reach, d.TenantId) }).ToList() };

    /// <summary>
    /// The groups a bounded reach holds now: those of its tenants (their entries) and those granted one by one, each
    /// checked against its current owner; only the tenant <paramref name="tenantFilter"/>'s, when given.
    /// </summary>
    private async Task<IReadOnlyList<DeviceGroup>> ReachedGroupsAsync(string accountId, Reach reach, string? tenantFilter, CancellationToken cancellationToken)
    {
        var tenants = reach.TenantIds.Where(t => tenantFilter is null || t == tenantFilter).ToList();
        var owned = await Task.WhenAll(tenants.Select(t => PageRequest.ReadAllAsync(p => store.ListAsync(accountId, t, false, p, cancellationToken))));
        var granted = reach.GroupIds.Count == 0 ? [] : await store.FindManyAsync(accountId, reach.GroupIds.ToList(), cancellationToken);
        return owned.SelectMany(g => g).Concat(granted).Where(g => reach.ReachesGroup(g.Id, g.TenantId)).DistinctBy(g => g.Id).ToList();
    }

    /// <summary>A device is reached through its group; an ungrouped device only through allTenants.</summary>
    private static bool Reaches(Reach reach, Device device) =>
        device.GroupId is null ? reach.AllTenants : reach.ReachesGroup(device.GroupId, device.TenantId);

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

    /// <summary>What an assignment would meet, without changing anything: the groups, and those owned by another tenant.</summary>
    public async Task<(IReadOnlyList<DeviceGroup> Groups, IReadOnlyList<GroupConflict> Conflicts)> PreviewAssignmentAsync(
        string accountId, string tenantId, IReadOnlyList<string>? groupIds, CancellationToken cancellationToken)
    {
        var ids = GroupRules.ValidGroupIds(groupIds);
        var groups = await ReadAllAsync(accountId, ids, cancellationToken);
        var elsewhere = GroupRules.OwnedElsewhere(groups, tenantId);
        var names = await store.TenantNamesAsync(accountId, elsewhere.Select(g => g.TenantId!), cancellationToken);
        return (groups, elsewhere.Select(g => new GroupConflict(g.Id, g.TenantId!, names.GetValueOrDefault(g.TenantId!, "(deleted tenant)"))).ToList());
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
            new { deviceGroups = moving.Select(g => new { g.Id, g.Name, TenantId = newTenantId }) })
            .FoundAlsoUnder(AuditMoves.Concerned(moving, newTenantId));
    }

    public async Task DeleteAsync(string accountId, string groupId, bool withDevices, CancellationToken cancellationToken)
    {
        if (!Ids.LooksValid(groupId) || !await store.DeleteAsync(accountId, groupId, withDevices,
                g => AuditEntry.Of(clock.GetUtcNow(), AuditActions.DeviceGroupDeleted, AuditTargets.DeviceGroup, g.Id,
                    new { g.Id, g.Name, g.TenantId, g.DeviceCount }, new { devices = withDevices ? "deleted" : "ungrouped" }), cancellationToken))
            throw new NotFoundException(ApiMessages.GroupNotFound.Text(groupId));
    }

    public async Task<Device> CreateDeviceAsync(string accountId, NewDevice request, CancellationToken cancellationToken)
    {
        var name = GroupRules.ValidName(request.Name);
        if (request.GroupId is not null && !Ids.LooksValid(request.GroupId))
            throw new NotFoundException(ApiMessages.GroupNotFound.Text(request.GroupId));
        var device = new Device(Ids.New("dev"), name, request.GroupId, null, clock.GetUtcNow());
        return await store.CreateDeviceAsync(accountId, device,
            AuditEntry.Of(clock.GetUtcNow(), AuditActions.DeviceRegistered, AuditTargets.Device, device.Id, null, device), cancellationToken);
    }

    /// <summary>Devices; a technician's are those of the groups it reaches (a group outside its reach is not found) (R10).</summary>
    public async Task<ResultPage<Device>> ListDevicesAsync(string accountId, string? groupId, string? tenantId, PageRequest page, CancellationToken cancellationToken)
    {
        if (groupId is not null && !Ids.LooksValid(groupId)) throw new NotFoundException(ApiMessages.GroupNotFound.Text(groupId));
        if (tenantId is not null && !Ids.LooksValid(tenantId)) return new ResultPage<Device>([], null);
        var reach = AccessRule.Current;
        if (groupId is not null && !reach.AllTenants
            && (await store.FindAsync(accountId, groupId, cancellationToken) is not { } group || !reach.ReachesGroup(group.Id, group.TenantId)))
            throw NotFound.Group(groupId);
        if (HidesTenant(reach, tenantId)) return new ResultPage<Device>([], null);
        if (reach.AllTenants || groupId is not null || (tenantId is not null && reach.ReachesTenant(tenantId)))
            return Shown(reach, await store.ListDevicesAsync(accountId, groupId, tenantId, page, cancellationToken));
        var groups = await ReachedGroupsAsync(accountId, reach, tenantId, cancellationToken);
        return Shown(reach, await store.ListDevicesInGroupsAsync(accountId, groups.Where(g => tenantId is null || g.TenantId == tenantId).Select(g => g.Id).ToList(), page, cancellationToken));
    }

    public Task<Device> MoveDeviceAsync(string accountId, string deviceId, string? groupId, CancellationToken cancellationToken) =>
        MoveDeviceAsync(accountId, deviceId, groupId, null, cancellationToken);

    /// <param name="leavingTenant">
    /// Asked before a move that takes the device out of its tenant (into another tenant's group, or out of every group),
    /// once the device and the group are known to the caller: such a move is sensitive, as a group move is.
    /// </param>
    public async Task<Device> MoveDeviceAsync(string accountId, string deviceId, string? groupId, Func<Task>? leavingTenant, CancellationToken cancellationToken)
    {
        if (!Ids.LooksValid(deviceId)) throw new NotFoundException(ApiMessages.DeviceNotFound.Text(deviceId));
        if (groupId is not null && !Ids.LooksValid(groupId)) throw new NotFoundException(ApiMessages.GroupNotFound.Text(groupId));
        var reach = AccessRule.Current;
        // R10: a technician moves a device it reaches into a group it reaches; anything else is not found to it.
        if (await store.FindDeviceAsync(accountId, deviceId, cancellationToken) is not { } device || (!reach.AllTenants && !Reaches(reach, device)))
            throw NotFound.Device(deviceId);
        if (groupId is null && !reach.AllTenants)
            throw new ForbiddenException("A technician moves devices between groups it reaches; leaving a device ungrouped needs allTenants.");
        DeviceGroup? target = null;
        if (groupId is not null && ((target = await store.FindAsync(accountId, groupId, cancellationToken)) is null || !reach.ReachesGroup(target.Id, target.TenantId)))
            throw NotFound.Group(groupId);
        if (leavingTenant is not null && device.TenantId is not null && device.TenantId != target?.TenantId) await leavingTenant();
        var moved = await store.MoveDeviceAsync(accountId, deviceId, groupId,
            (before, after) => AuditEntry.Of(clock.GetUtcNow(), AuditActions.DeviceMoved, AuditTargets.Device, deviceId, before, after), cancellationToken);
        return moved with { TenantId = reach.AllTenants ? moved.TenantId : Shown(reach, moved.TenantId) };
    }

    private async Task<IReadOnlyList<DeviceGroup>> ReadAllAsync(string accountId, IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        var groups = await store.FindManyAsync(accountId, ids, cancellationToken);
        var missing = ids.Except(groups.Select(g => g.Id)).FirstOrDefault();
        return missing is null ? groups : throw new NotFoundException(ApiMessages.GroupNotFound.Text(missing));
    }
}
