namespace Tenancy.Core.Audit;

/// <summary>Who made a change: the account (its key), an agent, or the system (queue and blob processing).</summary>
public sealed record AuditActor(string Kind, string Id, string Name)
{
    public const string Account = "account";
    public const string Agent = "agent";
    public const string System = "system";
}

/// <summary>
/// One recorded change: who, when, what (<see cref="AuditActions"/>), on which resource, and the resource before and
/// after as JSON snapshots, each at most <see cref="AuditSnapshots.MaxChars"/> characters (<see cref="AuditSnapshots"/>).
/// Entries are written in the same transaction as their change and never deleted; the one of an edit session still
/// going on is written again by each of its saves (<see cref="Tenants.TenantEditSession"/>), else none is edited.
/// </summary>
public sealed record AuditEntry(
    string Id,
    DateTimeOffset At,
    AuditActor Actor,
    string Action,
    string TargetType,
    string TargetId,
    string? Before,
    string? After)
{
    /// <summary>
    /// Other resources the change concerns, under which the entry is found too (<c>targetId=</c>): a device group that
    /// moves is found under the group and under the tenants it leaves and joins, not only the tenant of the route.
    /// </summary>
    public IReadOnlyList<string> AlsoUnder { get; init; } = [];

    /// <summary>The entry, also found under these ids (the target itself and repeats are left out).</summary>
    public AuditEntry FoundAlsoUnder(IEnumerable<string?> ids) => this with
    {
        AlsoUnder = ids.OfType<string>().Where(id => id != TargetId).Distinct(StringComparer.Ordinal).ToList(),
    };

    /// <summary>
    /// An entry for a change made now by the current caller (<see cref="AuditActors.Current"/>). Made once per attempt
    /// of a change, with that attempt's before and after: only the attempt whose transaction commits writes it.
    /// </summary>
    public static AuditEntry Of(DateTimeOffset at, string action, string targetType, string targetId, object? before, object? after,
        string? systemWorkFor = null) =>
        new(Common.Ids.New("aud"), at, AuditActors.Current(systemWorkFor), action, targetType, targetId,
            AuditSnapshots.Json(before), AuditSnapshots.Json(after));
}

public static class AuditTargets
{
    public const string Tenant = "tenant";
    public const string Contact = "contact";
    public const string DeviceGroup = "deviceGroup";
    public const string Device = "device";
    public const string Import = "import";
    public const string Account = "account";
    public const string Agent = "agent";
    public const string AgentGroup = "agentGroup";
    public const string Grant = "grant";
    public const string SigningKey = "signingKey";
    public const string PersonalData = "personalData";
}
