using Tenancy.Core.Access;
using Tenancy.Core.Accounts;
using Tenancy.Core.Audit;
using Tenancy.Core.Common;

namespace Tenancy.Core.Identity;

public sealed record CreatedInvitation(string Code, DateTimeOffset ExpiresAt);

/// <summary>
/// Links people's identities to agents through one-time invitations, and unlinks them (R14). An identity is linked to
/// at most one agent and an agent to at most one identity; nothing is ever matched by email.
/// </summary>
public sealed class IdentityLinkService(IIdentityLinkStore store, IAccessStore access, AccountService accounts, TimeProvider clock)
{
    public const string UnusableCode = "This invitation is unknown or has expired: ask an administrator of your account for a new one.";

    public async Task<CreatedInvitation> InviteAsync(string accountId, string agentId, CancellationToken cancellationToken)
    {
        _ = await ReadAgentAsync(accountId, agentId, cancellationToken) ?? throw new NotFoundException($"Agent '{agentId}' was not found.");
        var code = InvitationCodes.New();
        var now = clock.GetUtcNow();
        var invitation = new Invitation(InvitationCodes.Hash(code), accountId, agentId, now, now + InvitationCodes.Lifetime);
        await store.CreateInvitationAsync(invitation, AuditEntry.Of(now, AuditActions.AgentInvited, AuditTargets.Agent, agentId, null, null), cancellationToken);
        return new CreatedInvitation(code, invitation.ExpiresAt);
    }

    /// <summary>Makes <paramref name="identity"/> the identity of the agent the invitation names; returns that agent's account and id.</summary>
    public async Task<(string AccountId, string AgentId)> LinkAsync(PersonIdentity identity, string? code, CancellationToken cancellationToken)
    {
        if (!InvitationCodes.LooksValid(code)) throw ValidationException.For("code", UnusableCode);
        var invitation = await store.FindInvitationAsync(InvitationCodes.Hash(code!), cancellationToken);
        var now = clock.GetUtcNow();
        if (invitation is null || invitation.ExpiresAt <= now) throw ValidationException.For("code", UnusableCode);
        if (invitation.UsedAt is not null) throw Used();

        if (await store.FindClaimAsync(identity, cancellationToken) is { } claim)
        {
            if (await NamesAsync(claim.AccountId, claim.AgentId, identity, cancellationToken))
                throw new ConflictException("Your work account is linked to an agent already; an administrator unlinks it first.", "identity-linked");
            await store.ReleaseAsync(identity, claim.AccountId, claim.AgentId, cancellationToken);
        }
        var agent = await ReadAgentAsync(invitation.AccountId, invitation.AgentId, cancellationToken)
            ?? throw ValidationException.For("code", "The agent this invitation was for no longer exists: ask an administrator of your account for a new one.");
        if (agent.Identity is not null)
            throw new ConflictException("This agent is linked to a work account already; an administrator unlinks it first.", "agent-linked");

        if (!await store.ClaimAsync(identity, invitation.AccountId, agent.Id, cancellationToken))
            throw new ConflictException("Your work account is being linked to an agent by another request.", "identity-linked");
        try
        {
            await store.LinkAsync(invitation, agent, identity, now,
                AuditEntry.Of(now, AuditActions.AgentIdentityLinked, AuditTargets.Agent, agent.Id, null, null), cancellationToken);
        }
        catch (Exception ex)
        {
            await store.ReleaseAsync(identity, invitation.AccountId, agent.Id, CancellationToken.None);
            // Two people presenting one code at once: the invitation's ETag lets exactly one of them through.
            if (ex is ConcurrencyException && (await store.FindInvitationAsync(invitation.CodeHash, cancellationToken))?.UsedAt is not null) throw Used();
            throw;
        }
        accounts.Forget(identity.KeyHash);
        return (invitation.AccountId, agent.Id);
    }

    /// <summary>Unlinks the agent's identity, if it has one: from the very next request, on every instance, its tokens are refused.</summary>
    public async Task UnlinkAsync(string accountId, string agentId, CancellationToken cancellationToken)
    {
        var identity = await ConcurrencyRetry.RunAsync(async () =>
        {
            var agent = await ReadAgentAsync(accountId, agentId, cancellationToken) ?? throw new NotFoundException($"Agent '{agentId}' was not found.");
            if (agent.Identity is null) return null;
            await store.UnlinkAsync(accountId, agent,
                AuditEntry.Of(clock.GetUtcNow(), AuditActions.AgentIdentityUnlinked, AuditTargets.Agent, agentId, null, null), cancellationToken);
            return agent.Identity;
        }, cancellationToken);
        if (identity is null) return;
        await store.ReleaseAsync(identity, accountId, agentId, cancellationToken);
        accounts.Forget(identity.KeyHash);
    }

    /// <summary>After an agent is deleted: its identity's index entry goes too, so that the person can be invited again.</summary>
    public Task ForgetDeletedAgentAsync(string accountId, Agent deleted, CancellationToken cancellationToken)
    {
        if (deleted.Identity is null) return Task.CompletedTask;
        accounts.Forget(deleted.Identity.KeyHash);
        return store.ReleaseAsync(deleted.Identity, accountId, deleted.Id, cancellationToken);
    }

    private async Task<bool> NamesAsync(string accountId, string agentId, PersonIdentity identity, CancellationToken cancellationToken) =>
        (await ReadAgentAsync(accountId, agentId, cancellationToken))?.Identity == identity;

    private async Task<Agent?> ReadAgentAsync(string accountId, string agentId, CancellationToken cancellationToken) =>
        (await access.ReadAgentAsync(accountId, agentId, cancellationToken))?.Agent;

    private static ConflictException Used() =>
        new("This invitation has been used already: ask an administrator of your account for a new one.", "invitation-used");
}
