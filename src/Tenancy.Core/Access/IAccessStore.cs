using Tenancy.Core.Audit;

namespace Tenancy.Core.Access;

/// <summary>
/// The entry of a change of a group's members, made of several transactions (one per member): <see cref="Target"/>
/// names the members set, so that only the first transaction towards it records <see cref="Entry"/>.
/// </summary>
public sealed record MembersAudit(string Target, AuditEntry Entry);

/// <summary>
/// Agents, agent groups and grants of an account. A grant is materialised under each agent it reaches (directly, or
/// through an agent group, fanned out in the same transaction as the grant), so that an agent's request reads its
/// whole reach, and proves its key current, in one range query (<see cref="ReadAgentAsync"/>).
/// Writes throw <c>ConcurrencyException</c> when a row they read changed meanwhile (the caller retries).
/// </summary>
public interface IAccessStore
{
    /// <summary>
    /// The account's access version (one point read; "" before the first change): every transaction that writes an
    /// agent's rows (the agent, its reach rows, its memberships) changes it, in that same transaction.
    /// </summary>
    Task<string> ReadVersionAsync(string accountId, CancellationToken cancellationToken);

    /// <summary>The agent, its reach entries and its agent groups, in one storage call; null when it does not exist.</summary>
    Task<AgentWithReach?> ReadAgentAsync(string accountId, string agentId, CancellationToken cancellationToken);

    /// <summary>Every agent with its reach (one range query): who reaches what, now.</summary>
    Task<IReadOnlyList<AgentWithReach>> ReadAllAgentsAsync(string accountId, CancellationToken cancellationToken);

    Task CreateAgentAsync(string accountId, Agent agent, CancellationToken cancellationToken, AuditEntry? audit = null);

    /// <summary>Writes the agent's fields and key hash, guarded by <see cref="Agent.ETag"/>.</summary>
    Task<Agent> ReplaceAgentAsync(string accountId, Agent agent, CancellationToken cancellationToken, AuditEntry? audit = null);

    /// <summary>Deletes the agent's row (its key stops at once, its entry with it), then its memberships, grants and reach rows.</summary>
    Task<bool> DeleteAgentAsync(string accountId, string agentId, DateTimeOffset at, CancellationToken cancellationToken,
        Func<Agent, AuditEntry>? audit = null);

    Task CreateGroupAsync(string accountId, AgentGroup group, CancellationToken cancellationToken, AuditEntry? audit = null);

    /// <summary>The group with its live grants, in one range query; null when it does not exist.</summary>
    Task<(AgentGroup Group, IReadOnlyList<Grant> Grants)?> ReadGroupAsync(string accountId, string groupId, CancellationToken cancellationToken);

    Task<IReadOnlyList<AgentGroup>> ListGroupsAsync(string accountId, CancellationToken cancellationToken);

    Task<AgentGroup> RenameGroupAsync(string accountId, AgentGroup group, string name, CancellationToken cancellationToken, AuditEntry? audit = null);

    /// <summary>Adds one member and its reach rows for each of the group's grants, in one transaction guarded by the group's ETag.</summary>
    Task AddMemberAsync(string accountId, string groupId, string agentId, DateTimeOffset at, CancellationToken cancellationToken,
        MembersAudit? audit = null);

    /// <summary>Removes one member and the reach rows it had through the group, in one transaction guarded by the group's ETag.</summary>
    Task RemoveMemberAsync(string accountId, string groupId, string agentId, DateTimeOffset at, CancellationToken cancellationToken,
        MembersAudit? audit = null);

    /// <summary>Removes the group's grants and members, then its row, with its entry.</summary>
    Task<bool> DeleteGroupAsync(string accountId, string groupId, DateTimeOffset at, CancellationToken cancellationToken,
        Func<AgentGroup, AuditEntry>? audit = null);

    /// <summary>
    /// Adds a grant, its reach rows and its entry in one transaction; the same grant again returns the existing one
    /// (Created false) and records nothing.
    /// </summary>
    Task<(Grant Grant, bool Created)> AddGrantAsync(string accountId, Grant grant, CancellationToken cancellationToken, AuditEntry? audit = null);

    /// <summary>A grant, removed ones included (with their <see cref="Grant.DeletedAt"/>).</summary>
    Task<Grant?> FindGrantAsync(string accountId, string grantId, CancellationToken cancellationToken);

    Task<IReadOnlyList<Grant>> ListGrantsAsync(string accountId, bool includeRemoved, CancellationToken cancellationToken);

    /// <summary>Marks the grant removed at <paramref name="at"/> and deletes its reach rows, in one transaction.</summary>
    Task<bool> RemoveGrantAsync(string accountId, string grantId, DateTimeOffset at, CancellationToken cancellationToken,
        Func<Grant, AuditEntry>? audit = null);

    /// <summary>Live grants that name a tenant or device group.</summary>
    Task<IReadOnlyList<string>> GrantIdsNamingAsync(string accountId, string targetId, CancellationToken cancellationToken);

    /// <summary>What the <c>at=</c> answers are computed from: every grant, membership period, agent and group-ownership change.</summary>
    Task<AccessHistory> ReadHistoryAsync(string accountId, CancellationToken cancellationToken);
}

/// <summary>A membership of an agent in an agent group, from <see cref="From"/> until <see cref="To"/> (null: still a member).</summary>
public sealed record MembershipPeriod(string AgentGroupId, string AgentId, DateTimeOffset From, DateTimeOffset? To)
{
    public bool ValidAt(DateTimeOffset at) => From <= at && (To is null || To > at);
}

/// <summary>An agent as it existed over time (deleted ones included), its role as it is now or was when deleted.</summary>
public sealed record AgentPeriod(string Id, string Name, AgentRole Role, DateTimeOffset CreatedAt, DateTimeOffset? DeletedAt)
{
    public bool ValidAt(DateTimeOffset at) => CreatedAt <= at && (DeletedAt is null || DeletedAt > at);
}

/// <summary>A device group's owner from <see cref="At"/> on (null: unassigned, or deleted when <see cref="Deleted"/>).</summary>
public sealed record OwnershipChange(string GroupId, string? TenantId, DateTimeOffset At, bool Deleted = false);

public sealed record AccessHistory(
    IReadOnlyList<Grant> Grants, IReadOnlyList<MembershipPeriod> Memberships, IReadOnlyList<AgentPeriod> Agents,
    IReadOnlyList<OwnershipChange> Ownership);
