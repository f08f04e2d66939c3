using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Tenancy.Core.DeviceGroups;
using Tenancy.Http.OpenApi;

namespace Tenancy.Http.Contracts;

[Description("A device group to create.")]
public sealed record CreateDeviceGroupBody(
    [property: Required, StringLength(GroupRules.NameMax, MinimumLength = 1), Description("The group's name.")] string? Name,
    [property: Description("Assign the new group to this tenant at once.")] string? TenantId);

[Description("Device groups to assign to a tenant.")]
public sealed record AssignGroupsBody(
    [property: Required, MinLength(1), MaxLength(GroupRules.MaxGroupsPerCall), Description("The groups to assign.")] List<string>? GroupIds,
    [property: Description("true moves groups that belong to another tenant; otherwise they give 409 and nothing changes.")] bool? ConfirmReassign,
    [property: Description("true answers 200 with {conflicts, access} (who would lose and gain access) and changes nothing.")] bool? Preview = null);

[Description("Device groups to unassign from a tenant.")]
public sealed record UnassignGroupsBody(
    [property: Required, MinLength(1), MaxLength(GroupRules.MaxGroupsPerCall), Description("The groups to unassign; groups not on this tenant are left as they are.")] List<string>? GroupIds);

[Description("A device to create.")]
public sealed record CreateDeviceBody(
    [property: Required, StringLength(GroupRules.NameMax, MinimumLength = 1), Description("The device's name.")] string? Name,
    [property: Description("The group to put the device in; left out, the device is ungrouped.")] string? GroupId);

[Description("Moves a device to another group.")]
public sealed record MoveDeviceBody(
    [property: NullMeans("the device leaves its group"), Description("The device's new group; null or left out: ungrouped.")] string? GroupId);

[Description("A device group.")]
public sealed record DeviceGroupResponse(string Id, string Name, [property: Description("The owning tenant; null when unassigned, and for a technician when that tenant is outside its reach.")] string? TenantId, int DeviceCount);

[Description("A device; its tenant is its group's tenant.")]
public sealed record DeviceResponse(string Id, string Name, [property: Description("null when ungrouped.")] string? GroupId,
    [property: Description("The group's tenant; null when ungrouped or the group is unassigned.")] string? TenantId);
