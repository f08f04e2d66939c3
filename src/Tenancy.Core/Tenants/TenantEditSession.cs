using Tenancy.Core.Audit;
using Tenancy.Core.Common;

namespace Tenancy.Core.Tenants;

/// <summary>
/// The edit session of the tenant's last change (the console's autosave: one id from the moment a person starts typing
/// in a field until they leave it), kept on the tenant row so that the session's saves make one audit entry.
/// <see cref="EntryId"/> and <see cref="At"/> are the entry's, <see cref="Before"/> the tenant before the session's
/// first save, <see cref="After"/> after its last.
/// </summary>
public sealed record TenantEditSession(string Id, string ActorId, string EntryId, DateTimeOffset At, string? Before, string? After)
{
    /// <summary>
    /// The session a save of <paramref name="sessionId"/> leaves on the tenant. It goes on from the stored one only when
    /// that is the same session of the same actor and nothing changed the tenant since its last save (its snapshot is
    /// still <see cref="After"/>); otherwise the save starts a new entry. Null without a session: an entry of its own.
    /// </summary>
    public static TenantEditSession? Next(Tenant before, Tenant after, string? sessionId, DateTimeOffset now)
    {
        if (sessionId is null) return null;
        var actor = AuditActors.Current().Id;
        var current = AuditSnapshots.Json(before);
        return before.EditSession is { } going && going.Id == sessionId && going.ActorId == actor && going.After == current
            ? going with { After = AuditSnapshots.Json(after) }
            : new TenantEditSession(sessionId, actor, Ids.New("aud"), now, current, AuditSnapshots.Json(after));
    }

    /// <summary>The session's one entry, written again (the same key) by each of its saves.</summary>
    public AuditEntry Entry(string tenantId) =>
        new(EntryId, At, AuditActors.Current(), AuditActions.TenantUpdated, AuditTargets.Tenant, tenantId, Before, After);
}
