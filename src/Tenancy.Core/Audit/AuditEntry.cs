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
/// Entries are written in the same transaction as their change and never edited or deleted.
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
