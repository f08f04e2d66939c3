namespace Tenancy.Core.Access;

/// <summary>
/// Limits that keep every access write within one entity group transaction (100 actions, of which the caller's key
/// check, the audit entry and the new access version take one each): a grant to an agent group writes 5 rows plus one
/// reach row per member; adding a member writes 4 rows plus one reach row per grant of the group.
/// </summary>
public static class AccessLimits
{
    public const int MaxMembersPerGroup = 90;
    public const int MaxGrantsPerGroup = 90;
    /// <summary>Reach entries of one agent (its own grants plus its groups'): its per-request read stays one page (1000 rows).</summary>
    public const int MaxGrantsPerAgent = 500;
    public const int MaxNameLength = 128;
}
