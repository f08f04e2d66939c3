using Azure.Data.Tables;
using Tenancy.Core.DeviceGroups;
using Tenancy.Storage.Tables;

namespace Tenancy.Storage.DeviceGroups;

/// <summary>
/// Layout of groups and devices in the account's partition of the tenancy table:
/// <c>G|{groupId}</c> the group (its name and tenant; its ETag guards assignment and delete, and device writes never
/// change it), <c>G|{groupId}|c</c> and <c>G|{groupId}|n|…</c> its device count (<see cref="GroupDeviceCounts"/>),
/// <c>V|{deviceId}</c> the device (its group), and <c>GV|{groupId}|{deviceId}</c> the group's device index; an
/// assigned group also has an entry under its tenant (<see cref="Tenants.TenantRows.GroupRefKey"/>). A device names
/// its group, not its tenant, so moving a group is a few rows whatever its number of devices.
/// </summary>
public static class DeviceGroupRows
{
    public const string GroupPrefix = "G|";
    public const string DevicePrefix = "V|";

    public static string GroupKey(string groupId) => GroupPrefix + groupId;
    public static string DeviceKey(string deviceId) => DevicePrefix + deviceId;
    public static string GroupDevicesPrefix(string groupId) => RowKeys.Join("GV", groupId, "");
    public static string GroupDeviceKey(string groupId, string deviceId) => GroupDevicesPrefix(groupId) + deviceId;

    public static TableEntity GroupEntity(string accountId, DeviceGroup group) => new(accountId, GroupKey(group.Id))
    {
        ["Name"] = group.Name,
        ["TenantId"] = group.TenantId ?? "",
        ["CreatedAt"] = group.CreatedAt,
        ["Deleting"] = false, // written explicitly: table filters skip rows that lack a property
    };

    public static DeviceGroup ReadGroup(TableEntity row) => new(
        row.RowKey[GroupPrefix.Length..], row.GetString("Name"), NullIfEmpty(row.GetString("TenantId")),
        row.GetInt32("DeviceCount") ?? 0, row.GetDateTimeOffset("CreatedAt") ?? default, row.ETag.ToString());

    public static bool IsDeleting(TableEntity groupRow) => groupRow.GetBoolean("Deleting") == true;

    public static TableEntity DeviceEntity(string accountId, Device device) => new(accountId, DeviceKey(device.Id))
    {
        ["Name"] = device.Name,
        ["GroupId"] = device.GroupId ?? "",
        ["CreatedAt"] = device.CreatedAt,
    };

    public static TableEntity GroupDeviceEntity(string accountId, string groupId, string deviceId) =>
        new(accountId, GroupDeviceKey(groupId, deviceId)) { ["DeviceId"] = deviceId };

    public static Device ReadDevice(TableEntity row, string? tenantId) => new(
        row.RowKey[DevicePrefix.Length..], row.GetString("Name"), NullIfEmpty(row.GetString("GroupId")), tenantId,
        row.GetDateTimeOffset("CreatedAt") ?? default);

    public static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
