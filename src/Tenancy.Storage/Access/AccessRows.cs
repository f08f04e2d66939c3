using Azure.Data.Tables;
using Tenancy.Core.Access;
using Tenancy.Storage.Tables;

namespace Tenancy.Storage.Access;

/// <summary>
/// How agents, agent groups and grants lie in the account's partition of the tenancy table (R10):
/// <list type="bullet">
/// <item><c>A|{agentId}</c> the agent (name, email, role, hash of its current key, the issuer and subject of the work
/// account linked to it, R14);</item>
/// <item><c>A|{agentId}|R|{grantId}</c> one reach row per grant that reaches the agent (scope, tenant or group id, the
/// agent group it comes through); <c>A|{agentId}|M|{agentGroupId}</c> its memberships. So one range query on
/// <c>A|{agentId}</c> reads an agent's whole reach, and proves that the agent and its key still exist;</item>
/// <item><c>AG|{agentGroupId}</c> an agent group (name, members; its ETag guards membership and grant fan-out) and
/// <c>AG|{agentGroupId}|G|{grantId}</c> its live grants: one range query;</item>
/// <item><c>AR|{grantId}</c> every grant, removed ones kept with <c>DeletedAt</c> (for <c>at=</c>);
/// <c>AU|{subject}|{scope}|{target}</c> makes a grant unique; <c>AT|{target}|{grantId}</c> finds the live grants that
/// name a tenant or device group;</item>
/// <item><c>AV</c> the account's access version: a new random stamp in every transaction that writes an
/// <c>A|{agentId}…</c> row, so that one point read says whether an agent remembered in process is still as it was;</item>
/// <item><c>AM|{agentGroupId}|{agentId}|{from ticks}</c> membership periods, <c>AX|{agentId}</c> deleted agents, and
/// <c>GH|{ticks}|{id}</c> device-group ownership changes, one row per write that creates, moves or deletes groups, in
/// that write's own transaction (one action, whatever the number of groups): the history <c>at=</c> reads.</item>
/// </list>
/// A tenant grant stores only the tenant id, so a group move rewrites no reach row.
/// </summary>
public static class AccessRows
{
    public const string AgentPrefix = "A|";
    public const string GroupPrefix = "AG|";
    public const string GrantPrefix = "AR|";
    public const string MembershipPrefix = "AM|";
    public const string DeletedAgentPrefix = "AX|";
    public const string OwnershipPrefix = "GH|";

    public const string AccessVersion = "AV";

    public static string Agent(string agentId) => AgentPrefix + agentId;
    public static string Reach(string agentId, string grantId) => RowKeys.Join(Agent(agentId), "R", grantId);
    public static string Member(string agentId, string groupId) => RowKeys.Join(Agent(agentId), "M", groupId);
    public static string Group(string groupId) => GroupPrefix + groupId;
    public static string GroupGrant(string groupId, string grantId) => RowKeys.Join(Group(groupId), "G", grantId);
    public static string GrantRecord(string grantId) => GrantPrefix + grantId;
    public static string Unique(Grant grant) => RowKeys.Join("AU", grant.SubjectId, Core.Access.Grant.ScopeName(grant.Scope), grant.TargetId ?? "*");
    public static string Naming(string targetId, string grantId) => RowKeys.Join("AT", targetId, grantId);
    public static string NamingPrefix(string targetId) => RowKeys.Join("AT", targetId, "");
    public static string Membership(string groupId, string agentId, DateTimeOffset from) => RowKeys.Join("AM", groupId, agentId, from.UtcTicks.ToString("D19"));
    public static string DeletedAgent(string agentId) => DeletedAgentPrefix + agentId;

    /// <summary>A new access version, one action of each transaction that writes an agent's rows (never a conflict: an upsert).</summary>
    public static TableTransactionAction VersionChange(string accountId) =>
        new(TableTransactionActionType.UpsertReplace, new TableEntity(accountId, AccessVersion) { ["Stamp"] = Guid.NewGuid().ToString("N") });

    public static TableEntity AgentEntity(string accountId, Agent agent) => new(accountId, Agent(agent.Id))
    {
        ["Name"] = agent.Name, ["Email"] = agent.Email, ["Role"] = AgentRoles.Name(agent.Role),
        ["CreatedAt"] = agent.CreatedAt, ["KeyHash"] = agent.KeyHash,
        ["IdentityIssuer"] = agent.Identity?.Issuer ?? "", ["IdentitySubject"] = agent.Identity?.Subject ?? "",
    };

    public static TableEntity ReachEntity(string accountId, string agentId, Grant grant) => new(accountId, Reach(agentId, grant.Id))
    {
        ["Scope"] = Core.Access.Grant.ScopeName(grant.Scope),
        ["TargetId"] = grant.TargetId ?? "",
        ["AgentGroupId"] = grant.AgentGroupId ?? "",
    };

    public static TableEntity GrantEntity(string accountId, Grant grant) => new(accountId, GrantRecord(grant.Id))
    {
        ["AgentId"] = grant.AgentId ?? "",
        ["AgentGroupId"] = grant.AgentGroupId ?? "",
        ["Scope"] = Core.Access.Grant.ScopeName(grant.Scope),
        ["TenantId"] = grant.TenantId ?? "",
        ["DeviceGroupId"] = grant.DeviceGroupId ?? "",
        ["CreatedAt"] = grant.CreatedAt,
        ["CreatedBy"] = grant.CreatedBy,
        ["DeletedAt"] = grant.DeletedAt,
    };

    public static Grant ReadGrant(TableEntity row) => new(
        row.RowKey[GrantPrefix.Length..], NullIfEmpty(row.GetString("AgentId")), NullIfEmpty(row.GetString("AgentGroupId")),
        Core.Access.Grant.ParseScope(row.GetString("Scope")) ?? GrantScope.Tenant,
        NullIfEmpty(row.GetString("TenantId")), NullIfEmpty(row.GetString("DeviceGroupId")),
        row.GetDateTimeOffset("CreatedAt") ?? default, row.GetString("CreatedBy") ?? "", row.GetDateTimeOffset("DeletedAt"));

    /// <summary>
    /// The ownership changes a group write makes, as one row of its own transaction (for <c>at=</c>): group id to its
    /// new tenant id, "" for unassigned, <see cref="DeletedOwner"/> for deleted.
    /// </summary>
    public static TableTransactionAction OwnershipAction(string accountId, IReadOnlyDictionary<string, string?> changes)
    {
        var at = DateTimeOffset.UtcNow;
        return new(TableTransactionActionType.UpsertReplace, new TableEntity(accountId, RowKeys.Join("GH", at.UtcTicks.ToString("D19"), Guid.NewGuid().ToString("N")))
        {
            ["At"] = at,
            ["Changes"] = System.Text.Json.JsonSerializer.Serialize(changes.ToDictionary(c => c.Key, c => c.Value ?? "")),
        });
    }

    public const string DeletedOwner = "-";

    public static IEnumerable<OwnershipChange> ReadOwnership(TableEntity row)
    {
        var at = row.GetDateTimeOffset("At") ?? default;
        var changes = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(row.GetString("Changes") ?? "{}") ?? [];
        return changes.Select(c => new OwnershipChange(c.Key, c.Value is "" or DeletedOwner ? null : c.Value, at, c.Value == DeletedOwner));
    }

    public static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
