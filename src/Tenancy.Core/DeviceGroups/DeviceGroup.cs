namespace Tenancy.Core.DeviceGroups;

/// <summary>A group of devices; it belongs to at most one tenant (<see cref="TenantId"/> null: unassigned).</summary>
public sealed record DeviceGroup(string Id, string Name, string? TenantId, int DeviceCount, DateTimeOffset CreatedAt, string Version = "");

/// <summary>A device; its tenant is its group's tenant, so moving a group moves its devices without rewriting them.</summary>
public sealed record Device(string Id, string Name, string? GroupId, string? TenantId, DateTimeOffset CreatedAt);

/// <summary>A group that belongs to another tenant than the one it is being assigned to.</summary>
public sealed record GroupConflict(string GroupId, string TenantId, string TenantName);
