using Tenancy.Core.Audit;
using Tenancy.Core.Common;

namespace Tenancy.Core.DeviceGroups;

/// <summary>
/// Device groups and devices; assignment writes the groups and their tenants' counts atomically. Every write records its
/// <see cref="AuditEntry"/> in the transaction of its change (null: none).
/// </summary>
public interface IDeviceGroupStore
{
    /// <summary>Writes a new group; when it names a tenant, the tenant must exist (else <see cref="NotFoundException"/>).</summary>
    Task<DeviceGroup> CreateAsync(string accountId, DeviceGroup group, AuditEntry? audit, CancellationToken cancellationToken);

    Task<DeviceGroup?> FindAsync(string accountId, string groupId, CancellationToken cancellationToken);

    Task<IReadOnlyList<DeviceGroup>> FindManyAsync(string accountId, IReadOnlyList<string> groupIds, CancellationToken cancellationToken);

    Task<ResultPage<DeviceGroup>> ListAsync(string accountId, string? tenantId, bool unassignedOnly, PageRequest page, CancellationToken cancellationToken);

    /// <summary>
    /// Sets the tenant of groups read earlier (their <see cref="DeviceGroup.Version"/> guards the write);
    /// <paramref name="tenantId"/> null unassigns. Throws <see cref="ConcurrencyException"/> when anything moved meanwhile.
    /// </summary>
    Task SetTenantAsync(string accountId, IReadOnlyList<DeviceGroup> groups, string? tenantId, AuditEntry? audit, CancellationToken cancellationToken);

    /// <summary>The names of tenants by id (for conflict answers); missing tenants are left out.</summary>
    Task<IReadOnlyDictionary<string, string>> TenantNamesAsync(string accountId, IEnumerable<string> tenantIds, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes a group, leaving its devices ungrouped or deleting them; resumable after a failure. The entry, made from
    /// the group as read, goes with the write that hides the group (a resumed delete writes none).
    /// </summary>
    Task<bool> DeleteAsync(string accountId, string groupId, bool withDevices, Func<DeviceGroup, AuditEntry>? audit, CancellationToken cancellationToken);

    Task<Device> CreateDeviceAsync(string accountId, Device device, AuditEntry? audit, CancellationToken cancellationToken);

    Task<Device?> FindDeviceAsync(string accountId, string deviceId, CancellationToken cancellationToken);

    Task<ResultPage<Device>> ListDevicesAsync(string accountId, string? groupId, string? tenantId, PageRequest page, CancellationToken cancellationToken);

    /// <summary>The devices of these groups, group after group in the order given, one page at a time.</summary>
    Task<ResultPage<Device>> ListDevicesInGroupsAsync(string accountId, IReadOnlyList<string> groupIds, PageRequest page, CancellationToken cancellationToken);

    /// <summary>Moves a device; the entry is made from the device as read before and after (no entry when it stays).</summary>
    Task<Device> MoveDeviceAsync(string accountId, string deviceId, string? groupId, Func<Device, Device, AuditEntry>? audit, CancellationToken cancellationToken);
}
