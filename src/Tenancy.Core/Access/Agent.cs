namespace Tenancy.Core.Access;

/// <summary>
/// An agent of the account (R10): its key is stored only as <see cref="KeyHash"/>, the hash of its current key;
/// <see cref="Identity"/> is the person's work account linked to it by an invitation (R14), if any.
/// </summary>
public sealed record Agent(string Id, string Name, string Email, AgentRole Role, DateTimeOffset CreatedAt, string KeyHash, string ETag = "",
    Identity.PersonIdentity? Identity = null);

/// <summary>An agent and the rows that make its reach, as one range query reads them at the start of each of its requests.</summary>
public sealed record AgentWithReach(Agent Agent, IReadOnlyList<ReachEntry> Entries, IReadOnlyList<string> AgentGroupIds)
{
    public Reach Reach => new(
        Entries.Any(e => e.Scope == GrantScope.AllTenants),
        Entries.Where(e => e.Scope == GrantScope.Tenant).Select(e => e.TargetId!).ToHashSet(StringComparer.Ordinal),
        Entries.Where(e => e.Scope == GrantScope.DeviceGroup).Select(e => e.TargetId!).ToHashSet(StringComparer.Ordinal));
}

/// <summary>One grant as materialised under an agent: its scope, what it names, and the agent group it comes through.</summary>
public sealed record ReachEntry(string GrantId, GrantScope Scope, string? TargetId, string? AgentGroupId);

/// <summary>A named set of agents; a grant to it reaches each member (R10).</summary>
public sealed record AgentGroup(string Id, string Name, IReadOnlyList<string> AgentIds, DateTimeOffset CreatedAt, string ETag = "");
