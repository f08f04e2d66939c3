using Tenancy.Core.Common;
using Tenancy.Core.Common.Messages;

namespace Tenancy.Core.DeviceGroups;

public static class GroupRules
{
    public const int NameMax = 128;

    /// <summary>Groups one call may assign: the move is one atomic write, with the groups and their tenants.</summary>
    public const int MaxGroupsPerCall = 25;

    public static string ValidName(string? name, string field = "name")
    {
        var errors = new FieldErrors();
        var clean = TextRules.Clean(name) ?? "";
        if (clean.Length == 0) errors.Add(field, ApiMessages.NameRequired.Text());
        TextRules.MaxLength(errors, field, clean, NameMax);
        TextRules.NoControlCharacters(errors, field, clean, allowNewLines: false);
        errors.ThrowIfAny();
        return clean;
    }

    public static IReadOnlyList<string> ValidGroupIds(IReadOnlyList<string>? groupIds, string field = "groupIds")
    {
        var ids = (groupIds ?? []).Distinct(StringComparer.Ordinal).ToList();
        if (ids.Count == 0) throw ValidationException.For(field, "At least one group id is required.");
        if (ids.Count > MaxGroupsPerCall)
            throw ValidationException.For(field, $"At most {MaxGroupsPerCall} groups can be assigned in one call.");
        var bad = ids.Where(id => !Ids.LooksValid(id)).ToList();
        if (bad.Count > 0) throw new NotFoundException(ApiMessages.GroupNotFound.Text(bad[0]));
        return ids;
    }

    /// <summary>
    /// The groups that would leave another tenant. Without confirmation they are conflicts and nothing
    /// may change (R4); with it, they move.
    /// </summary>
    public static IReadOnlyList<DeviceGroup> OwnedElsewhere(IEnumerable<DeviceGroup> groups, string targetTenantId) =>
        groups.Where(g => g.TenantId is not null && g.TenantId != targetTenantId).ToList();

    public static ConflictException Conflict(IReadOnlyList<GroupConflict> conflicts) => new(
        conflicts.Count == 1
            ? ApiMessages.GroupOwnedElsewhere.Text(conflicts[0].GroupId, conflicts[0].TenantName)
            : $"{conflicts.Count} device groups already belong to other tenants. Confirm the move with confirmReassign: true.",
        "device-group-owned-elsewhere",
        new Dictionary<string, object?> { ["conflicts"] = conflicts });
}
