using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Tenancy.Core.Access;
using Tenancy.Core.Audit;
using Tenancy.Core.Common;
using Tenancy.Core.Identity;
using Tenancy.Storage.Audit;
using Tenancy.Storage.Tables;
using static Tenancy.Storage.Access.AccessRows;

namespace Tenancy.Storage.Access;

/// <summary>Agents, agent groups and grants in the account's partition (layout: <see cref="AccessRows"/>).</summary>
public sealed class TableAccessStore(TenancyTables tables) : IAccessStore
{
    private TableClient Table => tables.Tenancy;

    public async Task<string> ReadVersionAsync(string accountId, CancellationToken cancellationToken)
    {
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(accountId, AccessVersion, ["Stamp"], cancellationToken);
        return row.HasValue ? row.Value!.GetString("Stamp") ?? "" : "";
    }

    public async Task<AgentWithReach?> ReadAgentAsync(string accountId, string agentId, CancellationToken cancellationToken)
    {
        var rows = await QueryAsync(accountId, Agent(agentId), cancellationToken);
        return ReadAgents(rows).FirstOrDefault();
    }

    public async Task<IReadOnlyList<AgentWithReach>> ReadAllAgentsAsync(string accountId, CancellationToken cancellationToken) =>
        ReadAgents(await QueryAsync(accountId, AgentPrefix, cancellationToken));

    public Task CreateAgentAsync(string accountId, Core.Access.Agent agent, CancellationToken cancellationToken, AuditEntry? audit = null) =>
        TableTransactions.SubmitAsync(Table, [.. WithAudit(accountId, audit, new(TableTransactionActionType.Add, AgentEntity(accountId, agent))), VersionChange(accountId)], cancellationToken);

    public async Task<Core.Access.Agent> ReplaceAgentAsync(string accountId, Core.Access.Agent agent, CancellationToken cancellationToken, AuditEntry? audit = null)
    {
        try
        {
            var responses = await TableTransactions.SubmitAsync(Table,
                [.. WithAudit(accountId, audit, new(TableTransactionActionType.UpdateReplace, AgentEntity(accountId, agent), new ETag(agent.ETag))), VersionChange(accountId)], cancellationToken);
            return agent with { ETag = responses[0].Headers.ETag?.ToString() ?? "" };
        }
        catch (RequestFailedException ex) when (ex.Status == 412)
        {
            throw new ConcurrencyException("The agent changed while it was being updated.");
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            throw new NotFoundException($"Agent '{agent.Id}' was not found.");
        }
    }

    public async Task<bool> DeleteAgentAsync(string accountId, string agentId, DateTimeOffset at, CancellationToken cancellationToken,
        Func<Core.Access.Agent, AuditEntry>? audit = null)
    {
        var read = await ReadAgentAsync(accountId, agentId, cancellationToken);
        if (read is null) return false;
        // The agent's row first: from this moment its key fails on every instance (its requests read this row); the
        // entry goes with it, so that a resumed deletion (the agent's row gone) does not record it again.
        var first = new List<TableTransactionAction>
        {
            new(TableTransactionActionType.Delete, new TableEntity(accountId, Agent(agentId)), new ETag(read.Agent.ETag)),
            new(TableTransactionActionType.UpsertReplace, new TableEntity(accountId, DeletedAgent(agentId))
            {
                ["Name"] = read.Agent.Name, ["Role"] = AgentRoles.Name(read.Agent.Role), ["CreatedAt"] = read.Agent.CreatedAt, ["DeletedAt"] = at,
            }),
            VersionChange(accountId),
        };
        if (audit is not null) first.Add(AuditRows.Append(accountId, audit(read.Agent)));
        await TableTransactions.SubmitAsync(Table, first, cancellationToken);
        foreach (var groupId in read.AgentGroupIds)
            await ConcurrencyRetry.RunAsync(() => RemoveMemberAsync(accountId, groupId, agentId, at, cancellationToken), cancellationToken);
        foreach (var entry in read.Entries.Where(e => e.AgentGroupId is null))
            await ConcurrencyRetry.RunAsync(() => RemoveGrantAsync(accountId, entry.GrantId, at, cancellationToken), cancellationToken);
        foreach (var row in await QueryAsync(accountId, Agent(agentId), cancellationToken))
            await Table.DeleteEntityAsync(accountId, row.RowKey, ETag.All, cancellationToken);
        return true;
    }

    public Task CreateGroupAsync(string accountId, AgentGroup group, CancellationToken cancellationToken, AuditEntry? audit = null) =>
        TableTransactions.SubmitAsync(Table, WithAudit(accountId, audit, new(TableTransactionActionType.Add, new TableEntity(accountId, Group(group.Id))
        {
            ["Name"] = group.Name, ["Members"] = "{}", ["CreatedAt"] = group.CreatedAt, ["Version"] = 0,
        })), cancellationToken);

    public async Task<(AgentGroup Group, IReadOnlyList<Grant> Grants)?> ReadGroupAsync(string accountId, string groupId, CancellationToken cancellationToken)
    {
        var rows = await QueryAsync(accountId, Group(groupId), cancellationToken);
        var groupRow = rows.FirstOrDefault(r => r.RowKey == Group(groupId));
        if (groupRow is null) return null;
        var grants = rows.Where(r => r.RowKey != groupRow.RowKey).Select(r => new Grant(
            r.RowKey.Split('|')[^1], null, groupId, Core.Access.Grant.ParseScope(r.GetString("Scope")) ?? GrantScope.Tenant,
            r.GetString("Scope") == "tenant" ? r.GetString("TargetId") : null,
            r.GetString("Scope") == "deviceGroup" ? r.GetString("TargetId") : null, default, "")).ToList();
        return (ReadGroup(groupRow), grants);
    }

    public async Task<IReadOnlyList<AgentGroup>> ListGroupsAsync(string accountId, CancellationToken cancellationToken) =>
        (await QueryAsync(accountId, GroupPrefix, cancellationToken))
            .Where(r => r.RowKey.Count(c => c == '|') == 1).Select(ReadGroup).OrderBy(g => g.Name, StringComparer.OrdinalIgnoreCase).ToList();

    public async Task<AgentGroup> RenameGroupAsync(string accountId, AgentGroup group, string name, CancellationToken cancellationToken, AuditEntry? audit = null)
    {
        try
        {
            await TableTransactions.SubmitAsync(Table, WithAudit(accountId, audit,
                new(TableTransactionActionType.UpdateMerge, new TableEntity(accountId, Group(group.Id)) { ["Name"] = name }, new ETag(group.ETag))), cancellationToken);
            return group with { Name = name };
        }
        catch (RequestFailedException ex) when (ex.Status is 412 or 404)
        {
            throw new ConcurrencyException("The agent group changed while it was being renamed.");
        }
    }

    public async Task AddMemberAsync(string accountId, string groupId, string agentId, DateTimeOffset at, CancellationToken cancellationToken,
        MembersAudit? audit = null)
    {
        var (row, members, grants) = await ReadGroupForWriteAsync(accountId, groupId, cancellationToken);
        if (members.ContainsKey(agentId)) return;
        members[agentId] = at.UtcTicks;
        var actions = new List<TableTransactionAction>
        {
            GroupUpdate(accountId, row, members, audit?.Target ?? ""),
            // Fails once the agent is deleted: a deleted agent joins nothing.
            new(TableTransactionActionType.UpdateMerge, new TableEntity(accountId, Agent(agentId)), ETag.All),
            new(TableTransactionActionType.UpsertReplace, new TableEntity(accountId, Member(agentId, groupId))),
            new(TableTransactionActionType.UpsertReplace, new TableEntity(accountId, Membership(groupId, agentId, at))
            {
                ["AgentGroupId"] = groupId, ["AgentId"] = agentId, ["From"] = at, ["To"] = null,
            }),
        };
        actions.AddRange(grants.Select(g => new TableTransactionAction(TableTransactionActionType.UpsertReplace, ReachEntity(accountId, agentId, g))));
        AppendMembersAudit(accountId, row, audit, actions);
        await SubmitAsync(actions, $"Agent '{agentId}' was not found.", cancellationToken);
    }

    public async Task RemoveMemberAsync(string accountId, string groupId, string agentId, DateTimeOffset at, CancellationToken cancellationToken,
        MembersAudit? audit = null)
    {
        var (row, members, grants) = await ReadGroupForWriteAsync(accountId, groupId, cancellationToken);
        if (!members.Remove(agentId, out var since)) return;
        var actions = new List<TableTransactionAction>
        {
            GroupUpdate(accountId, row, members, audit?.Target ?? ""),
            new(TableTransactionActionType.Delete, new TableEntity(accountId, Member(agentId, groupId)), ETag.All),
            new(TableTransactionActionType.UpsertMerge, new TableEntity(accountId, Membership(groupId, agentId, new DateTimeOffset(since, TimeSpan.Zero)))
            {
                ["AgentGroupId"] = groupId, ["AgentId"] = agentId, ["From"] = new DateTimeOffset(since, TimeSpan.Zero), ["To"] = at,
            }),
        };
        actions.AddRange(grants.Select(g => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(accountId, Reach(agentId, g.Id)), ETag.All)));
        AppendMembersAudit(accountId, row, audit, actions);
        await SubmitAsync(actions, $"Agent group '{groupId}' was not found.", cancellationToken);
    }

    /// <summary>
    /// The entry of a members change goes with its first transaction; the group row then remembers the change's target
    /// (<see cref="MembersAudit.Target"/>), so that its next transactions, and a retried call that finishes it, add none.
    /// </summary>
    private static void AppendMembersAudit(string accountId, TableEntity row, MembersAudit? audit, List<TableTransactionAction> actions)
    {
        if (audit is not null && row.GetString("AuditedMembers") != audit.Target) actions.Add(AuditRows.Append(accountId, audit.Entry));
    }

    public async Task<bool> DeleteGroupAsync(string accountId, string groupId, DateTimeOffset at, CancellationToken cancellationToken,
        Func<AgentGroup, AuditEntry>? audit = null)
    {
        if (await ReadGroupAsync(accountId, groupId, cancellationToken) is not { } read) return false;
        foreach (var grant in read.Grants)
            await ConcurrencyRetry.RunAsync(() => RemoveGrantAsync(accountId, grant.Id, at, cancellationToken), cancellationToken);
        foreach (var agentId in read.Group.AgentIds)
            await ConcurrencyRetry.RunAsync(() => RemoveMemberAsync(accountId, groupId, agentId, at, cancellationToken), cancellationToken);
        // The entry goes with the group row's deletion, the moment the group is gone: a resumed deletion finds the row
        // still there and records it once; a repeated one finds nothing and records nothing.
        await TableTransactions.SubmitAsync(Table, WithAudit(accountId, audit?.Invoke(read.Group),
            new(TableTransactionActionType.Delete, new TableEntity(accountId, Group(groupId)), ETag.All)), cancellationToken);
        return true;
    }

    public async Task<(Grant Grant, bool Created)> AddGrantAsync(string accountId, Grant grant, CancellationToken cancellationToken, AuditEntry? audit = null)
    {
        if (await FindSameAsync(accountId, grant, cancellationToken) is { } existing) return (existing, false);
        var actions = new List<TableTransactionAction>
        {
            new(TableTransactionActionType.Add, GrantEntity(accountId, grant)),
            new(TableTransactionActionType.Add, new TableEntity(accountId, Unique(grant)) { ["GrantId"] = grant.Id }),
        };
        if (grant.TargetId is { } target)
            actions.Add(new(TableTransactionActionType.Add, new TableEntity(accountId, Naming(target, grant.Id))));
        if (grant.AgentId is { } agentId)
        {
            actions.Add(new(TableTransactionActionType.UpdateMerge, new TableEntity(accountId, Agent(agentId)), ETag.All));
            actions.Add(new(TableTransactionActionType.UpsertReplace, ReachEntity(accountId, agentId, grant)));
        }
        else
        {
            // The group's ETag makes the fan-out exact: a membership change meanwhile fails this transaction, which retries.
            var (row, members, _) = await ReadGroupForWriteAsync(accountId, grant.AgentGroupId!, cancellationToken);
            actions.Add(GroupUpdate(accountId, row, members));
            actions.Add(new(TableTransactionActionType.Add, new TableEntity(accountId, GroupGrant(grant.AgentGroupId!, grant.Id))
            {
                ["Scope"] = Core.Access.Grant.ScopeName(grant.Scope), ["TargetId"] = grant.TargetId ?? "",
            }));
            actions.AddRange(members.Keys.Select(m => new TableTransactionAction(TableTransactionActionType.UpsertReplace, ReachEntity(accountId, m, grant))));
        }
        if (audit is not null) actions.Add(AuditRows.Append(accountId, audit));
        try
        {
            await SubmitAsync(actions, grant.AgentId is not null ? $"Agent '{grant.AgentId}' was not found." : $"Agent group '{grant.AgentGroupId}' was not found.", cancellationToken);
            return (grant, true);
        }
        catch (TableTransactionFailedException ex) when (ex.Status == 409)
        {
            // The same grant, added at the same moment by someone else.
            throw new ConcurrencyException("The same grant was being added.");
        }
    }

    public async Task<Grant?> FindGrantAsync(string accountId, string grantId, CancellationToken cancellationToken)
    {
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(accountId, GrantRecord(grantId), cancellationToken: cancellationToken);
        return row.HasValue ? ReadGrant(row.Value!) : null;
    }

    public async Task<IReadOnlyList<Grant>> ListGrantsAsync(string accountId, bool includeRemoved, CancellationToken cancellationToken) =>
        (await QueryAsync(accountId, GrantPrefix, cancellationToken)).Select(ReadGrant).Where(g => includeRemoved || g.DeletedAt is null).ToList();

    public async Task<bool> RemoveGrantAsync(string accountId, string grantId, DateTimeOffset at, CancellationToken cancellationToken,
        Func<Grant, AuditEntry>? audit = null)
    {
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(accountId, GrantRecord(grantId), cancellationToken: cancellationToken);
        if (!row.HasValue || ReadGrant(row.Value!) is not { DeletedAt: null } grant) return false;
        var actions = new List<TableTransactionAction>
        {
            new(TableTransactionActionType.UpdateMerge, new TableEntity(accountId, GrantRecord(grantId)) { ["DeletedAt"] = at }, row.Value!.ETag),
            new(TableTransactionActionType.Delete, new TableEntity(accountId, Unique(grant)), ETag.All),
        };
        if (grant.TargetId is { } target)
            actions.Add(new(TableTransactionActionType.Delete, new TableEntity(accountId, Naming(target, grantId)), ETag.All));
        if (grant.AgentId is { } agentId)
        {
            if (await ExistsAsync(accountId, Reach(agentId, grantId), cancellationToken))
                actions.Add(new(TableTransactionActionType.Delete, new TableEntity(accountId, Reach(agentId, grantId)), ETag.All));
        }
        else if (await QueryAsync(accountId, Group(grant.AgentGroupId!), cancellationToken) is { Count: > 0 } groupRows
                 && groupRows.FirstOrDefault(r => r.RowKey == Group(grant.AgentGroupId!)) is { } groupRow)
        {
            var members = Members(groupRow);
            actions.Add(GroupUpdate(accountId, groupRow, members));
            actions.Add(new(TableTransactionActionType.Delete, new TableEntity(accountId, GroupGrant(grant.AgentGroupId!, grantId)), ETag.All));
            actions.AddRange(members.Keys.Select(m => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(accountId, Reach(m, grantId)), ETag.All)));
        }
        if (audit is not null) actions.Add(AuditRows.Append(accountId, audit(grant)));
        actions.Add(VersionChange(accountId));
        try
        {
            await TableTransactions.SubmitAsync(Table, actions, cancellationToken);
            return true;
        }
        catch (TableTransactionFailedException ex) when (ex.Status is 404 or 412)
        {
            throw new ConcurrencyException("The grant changed while it was being removed.");
        }
    }

    public async Task<IReadOnlyList<string>> GrantIdsNamingAsync(string accountId, string targetId, CancellationToken cancellationToken) =>
        (await QueryAsync(accountId, NamingPrefix(targetId), cancellationToken)).Select(r => r.RowKey.Split('|')[^1]).ToList();

    public async Task<AccessHistory> ReadHistoryAsync(string accountId, CancellationToken cancellationToken)
    {
        var grants = ListGrantsAsync(accountId, includeRemoved: true, cancellationToken);
        var memberships = QueryAsync(accountId, MembershipPrefix, cancellationToken);
        var agents = ReadAllAgentsAsync(accountId, cancellationToken);
        var deleted = QueryAsync(accountId, DeletedAgentPrefix, cancellationToken);
        var ownership = QueryAsync(accountId, OwnershipPrefix, cancellationToken);
        await Task.WhenAll(grants, memberships, agents, deleted, ownership);
        return new AccessHistory(
            grants.Result,
            memberships.Result.Select(r => new MembershipPeriod(r.GetString("AgentGroupId"), r.GetString("AgentId"),
                r.GetDateTimeOffset("From") ?? default, r.GetDateTimeOffset("To"))).ToList(),
            [
                .. agents.Result.Select(a => new AgentPeriod(a.Agent.Id, a.Agent.Name, a.Agent.Role, a.Agent.CreatedAt, null)),
                .. deleted.Result.Select(r => new AgentPeriod(r.RowKey[DeletedAgentPrefix.Length..], r.GetString("Name"),
                    AgentRoles.Parse(r.GetString("Role")) ?? AgentRole.Technician, r.GetDateTimeOffset("CreatedAt") ?? default, r.GetDateTimeOffset("DeletedAt"))),
            ],
            ownership.Result.SelectMany(ReadOwnership).OrderBy(o => o.At).ToList());
    }

    private async Task<Grant?> FindSameAsync(string accountId, Grant grant, CancellationToken cancellationToken)
    {
        var unique = await Table.GetEntityIfExistsAsync<TableEntity>(accountId, Unique(grant), cancellationToken: cancellationToken);
        return unique.HasValue ? await FindGrantAsync(accountId, unique.Value!.GetString("GrantId"), cancellationToken) : null;
    }

    private async Task<(TableEntity Row, Dictionary<string, long> Members, IReadOnlyList<Grant> Grants)> ReadGroupForWriteAsync(
        string accountId, string groupId, CancellationToken cancellationToken)
    {
        var rows = await QueryAsync(accountId, Group(groupId), cancellationToken);
        var row = rows.FirstOrDefault(r => r.RowKey == Group(groupId)) ?? throw new NotFoundException($"Agent group '{groupId}' was not found.");
        var grants = rows.Where(r => r.RowKey != row.RowKey).Select(r => new Grant(
            r.RowKey.Split('|')[^1], null, groupId, Core.Access.Grant.ParseScope(r.GetString("Scope")) ?? GrantScope.Tenant,
            r.GetString("Scope") == "tenant" ? r.GetString("TargetId") : null,
            r.GetString("Scope") == "deviceGroup" ? r.GetString("TargetId") : null, default, "")).ToList();
        return (row, Members(row), grants);
    }

    /// <summary>The group row rewritten with its ETag: every membership change and every grant fan-out goes through it.</summary>
    private static TableTransactionAction GroupUpdate(string accountId, TableEntity row, Dictionary<string, long> members, string? auditedMembers = null)
    {
        var entity = new TableEntity(accountId, row.RowKey)
        {
            ["Members"] = JsonSerializer.Serialize(members),
            ["Version"] = (row.GetInt32("Version") ?? 0) + 1,
        };
        if (auditedMembers is not null) entity["AuditedMembers"] = auditedMembers;
        return new(TableTransactionActionType.UpdateMerge, entity, row.ETag);
    }

    private static List<TableTransactionAction> WithAudit(string accountId, AuditEntry? audit, TableTransactionAction change) =>
        audit is null ? [change] : [change, AuditRows.Append(accountId, audit)];

    /// <summary>Submits a write of agents' rows (a membership, a grant's fan-out) with a new access version.</summary>
    private async Task SubmitAsync(List<TableTransactionAction> actions, string notFound, CancellationToken cancellationToken)
    {
        actions.Add(VersionChange(accountId: actions[0].Entity.PartitionKey));
        try
        {
            await TableTransactions.SubmitAsync(Table, actions, cancellationToken);
        }
        catch (TableTransactionFailedException ex) when (ex.Status == 412)
        {
            throw new ConcurrencyException("The agent group changed meanwhile.");
        }
        catch (TableTransactionFailedException ex) when (ex.Status == 404)
        {
            throw new NotFoundException(notFound);
        }
    }

    private async Task<bool> ExistsAsync(string accountId, string rowKey, CancellationToken cancellationToken) =>
        (await Table.GetEntityIfExistsAsync<TableEntity>(accountId, rowKey, ["PartitionKey"], cancellationToken)).HasValue;

    private async Task<List<TableEntity>> QueryAsync(string accountId, string prefix, CancellationToken cancellationToken)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in Table.QueryAsync<TableEntity>(RowKeys.PrefixFilter(accountId, prefix), cancellationToken: cancellationToken))
            rows.Add(row);
        return rows;
    }

    private static List<AgentWithReach> ReadAgents(IEnumerable<TableEntity> rows)
    {
        var agents = new List<AgentWithReach>();
        foreach (var byAgent in rows.GroupBy(r => r.RowKey.Split('|')[1]))
        {
            var agentRow = byAgent.FirstOrDefault(r => r.RowKey == Agent(byAgent.Key));
            // Reach rows without their agent are the leftovers of a deletion in progress: that agent does not exist.
            if (agentRow is null) continue;
            var entries = byAgent.Where(r => r.RowKey.Split('|') is [_, _, "R", _]).Select(r => new ReachEntry(
                r.RowKey.Split('|')[3], Core.Access.Grant.ParseScope(r.GetString("Scope")) ?? GrantScope.Tenant,
                NullIfEmpty(r.GetString("TargetId")), NullIfEmpty(r.GetString("AgentGroupId")))).ToList();
            var groups = byAgent.Where(r => r.RowKey.Split('|') is [_, _, "M", _]).Select(r => r.RowKey.Split('|')[3]).ToList();
            agents.Add(new AgentWithReach(ReadAgent(agentRow), entries, groups));
        }
        return agents.OrderBy(a => a.Agent.Name, StringComparer.OrdinalIgnoreCase).ThenBy(a => a.Agent.Id, StringComparer.Ordinal).ToList();
    }

    private static Core.Access.Agent ReadAgent(TableEntity row) => new(
        row.RowKey[AgentPrefix.Length..], row.GetString("Name"), row.GetString("Email"),
        AgentRoles.Parse(row.GetString("Role")) ?? AgentRole.Technician, row.GetDateTimeOffset("CreatedAt") ?? default,
        row.GetString("KeyHash"), row.ETag.ToString(),
        NullIfEmpty(row.GetString("IdentityIssuer")) is { } issuer ? new PersonIdentity(issuer, row.GetString("IdentitySubject") ?? "") : null);

    private static Dictionary<string, long> Members(TableEntity row) =>
        JsonSerializer.Deserialize<Dictionary<string, long>>(row.GetString("Members") ?? "{}") ?? [];

    private static AgentGroup ReadGroup(TableEntity row) => new(
        row.RowKey[GroupPrefix.Length..], row.GetString("Name"), Members(row).OrderBy(m => m.Value).Select(m => m.Key).ToList(),
        row.GetDateTimeOffset("CreatedAt") ?? default, row.ETag.ToString());
}
