namespace Tenancy.Core.Access;

/// <summary>Why an access exists: the grant, its scope, and the agent group it comes through (null: granted to the agent).</summary>
public sealed record Via(string GrantId, GrantScope Scope, string? AgentGroupId);

/// <summary>An agent as effective access sees it: who, its role, and its reach entries at the moment asked about.</summary>
public sealed record AgentReach(string AgentId, string Name, AgentRole Role, IReadOnlyList<ReachEntry> Entries)
{
    public Reach Reach => new AgentWithReach(new Agent(AgentId, Name, "", Role, default, ""), Entries, []).Reach;

    /// <summary>Why this agent reaches a group owned by <paramref name="ownerTenantId"/>; empty when it does not (administrators: by role, see <see cref="ReachesByRole"/>).</summary>
    public IReadOnlyList<Via> ViaForGroup(string groupId, string? ownerTenantId) => Entries
        .Where(e => e.Scope == GrantScope.AllTenants
            || (e.Scope == GrantScope.DeviceGroup && e.TargetId == groupId)
            || (e.Scope == GrantScope.Tenant && ownerTenantId is not null && e.TargetId == ownerTenantId))
        .Select(ViaOf).ToList();

    public bool ReachesByRole => Role == AgentRole.Administrator;

    public bool ReachesGroup(string groupId, string? ownerTenantId) => ReachesByRole || Reach.ReachesGroup(groupId, ownerTenantId);

    public static Via ViaOf(ReachEntry e) => new(e.GrantId, e.Scope, e.AgentGroupId);
}

/// <summary>
/// Effective access (R10), computed from reach entries and group owners, so that the same functions answer now (from the
/// materialised reach rows) and at a past moment (from the history: grants, memberships, ownership changes).
/// </summary>
public static class EffectiveAccess
{
    /// <summary>Every agent's reach entries at <paramref name="at"/>, from the history alone.</summary>
    public static IReadOnlyList<AgentReach> AgentsAt(AccessHistory history, DateTimeOffset at)
    {
        var grants = history.Grants.Where(g => g.ValidAt(at)).ToList();
        return history.Agents.Where(a => a.ValidAt(at)).Select(agent =>
        {
            var direct = grants.Where(g => g.AgentId == agent.Id).Select(g => new ReachEntry(g.Id, g.Scope, g.TargetId, null));
            var viaGroups = history.Memberships.Where(m => m.AgentId == agent.Id && m.ValidAt(at))
                .SelectMany(m => grants.Where(g => g.AgentGroupId == m.AgentGroupId).Select(g => new ReachEntry(g.Id, g.Scope, g.TargetId, m.AgentGroupId)));
            return new AgentReach(agent.Id, agent.Name, agent.Role, direct.Concat(viaGroups).DistinctBy(e => (e.GrantId, e.AgentGroupId)).ToList());
        }).OrderBy(a => a.Name, StringComparer.OrdinalIgnoreCase).ThenBy(a => a.AgentId, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// A group's owner at <paramref name="at"/>: the last recorded change up to then; before its first recorded change,
    /// unassigned (or not yet there); a group with no recorded change has always had its current owner.
    /// </summary>
    public static string? OwnerAt(AccessHistory history, string groupId, string? currentOwner, DateTimeOffset at)
    {
        OwnershipChange? last = null;
        var any = false;
        foreach (var change in history.Ownership)
        {
            if (change.GroupId != groupId) continue;
            any = true;
            if (change.At <= at) last = change;
        }
        return !any ? currentOwner : last?.TenantId;
    }

    /// <summary>Whether a group existed at <paramref name="at"/> as far as the history says (deleted groups are gone from then on).</summary>
    public static bool ExistedAt(AccessHistory history, string groupId, DateTimeOffset at) =>
        !history.Ownership.Any(c => c.GroupId == groupId && c.Deleted && c.At <= at);

    /// <summary>The agents whose reach a move of <paramref name="groups"/> to <paramref name="toTenantId"/> would change (preview, 409).</summary>
    public static (IReadOnlyList<(AgentReach Agent, IReadOnlyList<string> GroupIds)> Losing, IReadOnlyList<(AgentReach Agent, IReadOnlyList<string> GroupIds)> Gaining)
        MoveChanges(IReadOnlyList<AgentReach> agents, IReadOnlyList<(string GroupId, string? FromTenantId)> groups, string? toTenantId)
    {
        var losing = new List<(AgentReach, IReadOnlyList<string>)>();
        var gaining = new List<(AgentReach, IReadOnlyList<string>)>();
        foreach (var agent in agents.Where(a => !a.ReachesByRole))
        {
            var reach = agent.Reach;
            var lost = groups.Where(g => reach.ReachesGroup(g.GroupId, g.FromTenantId) && !reach.ReachesGroup(g.GroupId, toTenantId)).Select(g => g.GroupId).ToList();
            var gained = groups.Where(g => !reach.ReachesGroup(g.GroupId, g.FromTenantId) && reach.ReachesGroup(g.GroupId, toTenantId)).Select(g => g.GroupId).ToList();
            if (lost.Count > 0) losing.Add((agent, lost));
            if (gained.Count > 0) gaining.Add((agent, gained));
        }
        return (losing, gaining);
    }
}
