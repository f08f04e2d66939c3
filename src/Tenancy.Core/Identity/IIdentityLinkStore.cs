using Tenancy.Core.Access;
using Tenancy.Core.Audit;

namespace Tenancy.Core.Identity;

/// <summary>
/// Invitations and the links between people's identities and agents (R14). A link is three things: the identity on the
/// agent's row, the identity's row in the account's data (which every write of its requests checks, as for a key) and
/// the identity's entry in the key index (which authenticates it). The index entry is written first, as a claim that
/// only one agent can hold (<see cref="ClaimAsync"/>); the agent's row decides: a claim whose agent does not name the
/// identity is a leftover and may be taken over.
/// </summary>
public interface IIdentityLinkStore
{
    /// <summary>Stores the invitation in the account's data, with its entry, then its entry in the code index.</summary>
    Task CreateInvitationAsync(Invitation invitation, AuditEntry audit, CancellationToken cancellationToken);

    /// <summary>The invitation a code's hash names, used or expired ones included; null when none.</summary>
    Task<Invitation?> FindInvitationAsync(string codeHash, CancellationToken cancellationToken);

    /// <summary>The agent the identity's index entry names (account, agent), whether or not that agent still names it.</summary>
    Task<(string AccountId, string AgentId)?> FindClaimAsync(PersonIdentity identity, CancellationToken cancellationToken);

    /// <summary>Writes the identity's index entry for the agent; false when an entry exists already (nothing written).</summary>
    Task<bool> ClaimAsync(PersonIdentity identity, string accountId, string agentId, CancellationToken cancellationToken);

    /// <summary>Deletes the identity's index entry if it still names that agent.</summary>
    Task ReleaseAsync(PersonIdentity identity, string accountId, string agentId, CancellationToken cancellationToken);

    /// <summary>
    /// In one transaction: marks the invitation used, sets the identity on the agent's row (both guarded by their ETags:
    /// <c>ConcurrencyException</c> when either changed, nothing written), adds the identity's row, a new access version and the entry.
    /// </summary>
    Task LinkAsync(Invitation invitation, Agent agent, PersonIdentity identity, DateTimeOffset at, AuditEntry audit, CancellationToken cancellationToken);

    /// <summary>In one transaction: clears the identity from the agent's row (guarded by its ETag), deletes the identity's row, a new access version and the entry.</summary>
    Task UnlinkAsync(string accountId, Agent agent, AuditEntry audit, CancellationToken cancellationToken);
}
