namespace Tenancy.Core.Access;

/// <summary>
/// What a principal reaches (R10): every tenant and group (<see cref="AllTenants"/>), some tenants (and whatever groups
/// each owns at the moment of the request), some device groups (wherever they go). Grants add up; there is no deny.
/// </summary>
public sealed record Reach(bool AllTenants, IReadOnlySet<string> TenantIds, IReadOnlySet<string> GroupIds)
{
    public static readonly Reach Everything = new(true, new HashSet<string>(), new HashSet<string>());
    public static readonly Reach Nothing = new(false, new HashSet<string>(), new HashSet<string>());

    public bool ReachesTenant(string tenantId) => AllTenants || TenantIds.Contains(tenantId);

    /// <summary>A group is reached through its own grant, or through its CURRENT owner's; an unassigned group only by allTenants.</summary>
    public bool ReachesGroup(string groupId, string? currentTenantId) =>
        AllTenants || GroupIds.Contains(groupId) || (currentTenantId is not null && TenantIds.Contains(currentTenantId));

    /// <summary>Reaches every group that exists, whatever its owner: no group filter is needed.</summary>
    public bool IsUnbounded => AllTenants;

    /// <summary>Reaches exactly the same tenants and groups (the sets compared by content, not by instance).</summary>
    public bool SameAs(Reach other) =>
        AllTenants == other.AllTenants && TenantIds.SetEquals(other.TenantIds) && GroupIds.SetEquals(other.GroupIds);
}
