namespace Tenancy.Http.Contracts;

public sealed record CreateDeviceGroupBody(string? Name, string? TenantId);

public sealed record AssignGroupsBody(List<string>? GroupIds, bool? ConfirmReassign);

public sealed record UnassignGroupsBody(List<string>? GroupIds);

public sealed record CreateDeviceBody(string? Name, string? GroupId);

/// <summary>Moves a device: <c>groupId: null</c> leaves it ungrouped.</summary>
public sealed record MoveDeviceBody(string? GroupId);

public sealed record DeviceGroupResponse(string Id, string Name, string? TenantId, int DeviceCount);

public sealed record DeviceResponse(string Id, string Name, string? GroupId, string? TenantId);
