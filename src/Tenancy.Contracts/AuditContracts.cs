using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tenancy.Http.Contracts;

[Description("Who made a change: the account's key, an agent, or the system (queue and blob processing, named after the import it acts for).")]
public sealed record AuditActorResponse(
    [property: AllowedValues("account", "agent", "system")] string Kind,
    [property: Description("The account's, the agent's id; for the system, the id of the import it acts for, or system.")] string Id,
    string Name);

[Description("One recorded change, never edited or deleted. before and after are JSON snapshots of what changed (each at most 16,000 characters; a larger one is {truncated: true, chars, preview}); left out where there is none.")]
public sealed record AuditEntryResponse(
    string Id,
    DateTimeOffset At,
    AuditActorResponse Actor,
    [property: Description("What happened, e.g. tenant.created, contact.updated, deviceGroup.assigned, device.moved, domain.added, import.created, import.undoRequested, account.keyRotated, agent.created, agent.keyRotated, agentGroup.membersSet, grant.created, signingKey.approved, personalData.erased.")] string Action,
    [property: AllowedValues("tenant", "contact", "deviceGroup", "device", "import", "account", "agent", "agentGroup", "grant", "signingKey", "personalData")] string TargetType,
    string TargetId,
    [property: Description("The resource before the change; left out for a creation."), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] JsonElement? Before,
    [property: Description("The resource after the change; left out for a deletion."), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] JsonElement? After);
