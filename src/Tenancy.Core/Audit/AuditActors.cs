using Tenancy.Core.Accounts;

namespace Tenancy.Core.Audit;

/// <summary>The one place that says who the actor of a change is.</summary>
public static class AuditActors
{
    /// <summary>Actor id of system work that acts for nothing in particular.</summary>
    public const string SystemId = "system";

    /// <summary>
    /// The caller of the running request (<see cref="CallerScope"/>), never its key or the key's hash; with no caller
    /// (queue and blob processing), the system, named after the work it does (<paramref name="systemWorkFor"/>, an
    /// import's or a ticket's id) so that <c>actorId=</c> finds what one import did.
    /// </summary>
    public static AuditActor Current(string? systemWorkFor = null) => CallerScope.Current switch
    {
        { AgentId: { } agentId } caller => new AuditActor(AuditActor.Agent, agentId, caller.Agent?.Name ?? agentId),
        { } caller => new AuditActor(AuditActor.Account, caller.Account.Id, caller.Account.Name),
        null when systemWorkFor is not null => new AuditActor(AuditActor.System, systemWorkFor, $"Tenancy, for {systemWorkFor}"),
        null => new AuditActor(AuditActor.System, SystemId, "Tenancy"),
    };
}
