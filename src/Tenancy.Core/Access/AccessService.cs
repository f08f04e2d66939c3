using Tenancy.Core.Accounts;
using Tenancy.Core.Audit;
using Tenancy.Core.Common;
using Tenancy.Core.Contacts;
using Tenancy.Core.DeviceGroups;
using Tenancy.Core.Tenants;

namespace Tenancy.Core.Access;

public sealed record NewAgent(string? Name, string? Email, string? Role);

public sealed record AgentPatch(string? Name, string? Email, string? Role);

public sealed record NewGrant(string? AgentId, string? AgentGroupId, string? Scope, string? TenantId, string? DeviceGroupId);

public sealed record CreatedAgent(Agent Agent, string ApiKey);

public sealed record AgentAccessTenant(string Id, string Name, IReadOnlyList<Via> Via);

public sealed record AgentAccessGroup(string Id, string Name, string? TenantId, IReadOnlyList<Via> Via);

/// <summary>An agent whose reach a move changes, and the groups concerned.</summary>
public sealed record AccessChange(string AgentId, string Name, IReadOnlyList<string> GroupIds);

public sealed record AccessChanges(IReadOnlyList<AccessChange> Losing, IReadOnlyList<AccessChange> Gaining);

/// <summary>What an agent reaches (an administrator: everything, by its role).</summary>
public sealed record AgentAccess(bool AllTenants, IReadOnlyList<AgentAccessTenant> Tenants, IReadOnlyList<AgentAccessGroup> DeviceGroups);

/// <summary>Agents, agent groups, grants and agent keys (R10).</summary>
public sealed class AccessService(IAccessStore store, IAccountStore accounts, AccountService accountService,
    ITenantStore tenants, IDeviceGroupStore groups, Identity.IIdentityLinkStore identities, TimeProvider clock)
{
    public async Task<CreatedAgent> CreateAgentAsync(string accountId, NewAgent request, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var name = ValidName(errors, request.Name);
        var email = ValidEmail(errors, request.Email);
        var role = ValidRole(errors, request.Role, required: true);
        errors.ThrowIfAny();

        var apiKey = ApiKeys.New();
        var agent = new Agent(Ids.New("agt"), name!, email!, role!.Value, clock.GetUtcNow(), ApiKeys.Hash(apiKey));
        // The agent's row before its key's rows: a key that authenticates always finds its agent.
        await store.CreateAgentAsync(accountId, agent, cancellationToken,
            AuditEntry.Of(agent.CreatedAt, AuditActions.AgentCreated, AuditTargets.Agent, agent.Id, null, agent));
        await accounts.AddKeyAsync(accountId, agent.KeyHash, null, cancellationToken, agent.Id);
        return new CreatedAgent((await store.ReadAgentAsync(accountId, agent.Id, cancellationToken))?.Agent ?? agent, apiKey);
    }

    public async Task<Agent> GetAgentAsync(string accountId, string agentId, CancellationToken cancellationToken) =>
        (await FindAgentAsync(accountId, agentId, cancellationToken)).Agent;

    public async Task<IReadOnlyList<Agent>> ListAgentsAsync(string accountId, CancellationToken cancellationToken) =>
        (await store.ReadAllAgentsAsync(accountId, cancellationToken)).Select(a => a.Agent).ToList();

    public async Task<Agent> UpdateAgentAsync(string accountId, string agentId, AgentPatch patch, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var name = patch.Name is null ? null : ValidName(errors, patch.Name);
        var email = patch.Email is null ? null : ValidEmail(errors, patch.Email);
        var role = patch.Role is null ? null : ValidRole(errors, patch.Role, required: false);
        errors.ThrowIfAny();
        return await ConcurrencyRetry.RunAsync(async () =>
        {
            var agent = await GetAgentAsync(accountId, agentId, cancellationToken);
            var changed = agent with { Name = name ?? agent.Name, Email = email ?? agent.Email, Role = role ?? agent.Role };
            return changed == agent ? agent : await store.ReplaceAgentAsync(accountId, changed, cancellationToken,
                AuditEntry.Of(clock.GetUtcNow(), AuditActions.AgentUpdated, AuditTargets.Agent, agentId, agent, changed));
        }, cancellationToken);
    }

    /// <summary>A new key for the agent: the new one works at once, the previous one fails from the very next request.</summary>
    public async Task<string> RotateKeyAsync(string accountId, string agentId, CancellationToken cancellationToken)
    {
        var apiKey = ApiKeys.New();
        var hash = ApiKeys.Hash(apiKey);
        var previous = await ConcurrencyRetry.RunAsync(async () =>
        {
            var agent = await GetAgentAsync(accountId, agentId, cancellationToken);
            await accounts.AddKeyAsync(accountId, hash, null, cancellationToken, agentId);
            // The entry says that the key changed; snapshots never hold a key or its hash.
            await store.ReplaceAgentAsync(accountId, agent with { KeyHash = hash }, cancellationToken,
                AuditEntry.Of(clock.GetUtcNow(), AuditActions.AgentKeyRotated, AuditTargets.Agent, agentId, agent, agent));
            return agent.KeyHash;
        }, cancellationToken);
        await accounts.RevokeKeyAsync(accountId, previous, cancellationToken);
        accountService.Forget(previous);
        return apiKey;
    }

    public async Task DeleteAgentAsync(string accountId, string agentId, CancellationToken cancellationToken)
    {
        var agent = await GetAgentAsync(accountId, agentId, cancellationToken);
        var at = clock.GetUtcNow();
        await store.DeleteAgentAsync(accountId, agentId, at, cancellationToken,
            deleted => AuditEntry.Of(at, AuditActions.AgentDeleted, AuditTargets.Agent, agentId, deleted, null));
        await accounts.RevokeKeyAsync(accountId, agent.KeyHash, cancellationToken);
        accountService.Forget(agent.KeyHash);
        // Its person's token already fails (the agent's row is gone); the index entry goes so that they can be invited again.
        if (agent.Identity is { } identity)
        {
            accountService.Forget(identity.KeyHash);
            await identities.ReleaseAsync(identity, accountId, agentId, cancellationToken);
        }
    }

    public async Task<AgentGroup> CreateGroupAsync(string accountId, string? name, IReadOnlyList<string>? agentIds, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var cleanName = ValidName(errors, name);
        var members = ValidMembers(errors, agentIds);
        errors.ThrowIfAny();
        await RequireAgentsAsync(accountId, members, cancellationToken);
        var group = new AgentGroup(Ids.New("agg"), cleanName!, [], clock.GetUtcNow());
        await store.CreateGroupAsync(accountId, group, cancellationToken,
            AuditEntry.Of(group.CreatedAt, AuditActions.AgentGroupCreated, AuditTargets.AgentGroup, group.Id, null, group with { AgentIds = members }));
        // The creation's entry lists the members: adding them records nothing more.
        return await ChangeMembersAsync(accountId, group.Id, members, audited: false, cancellationToken);
    }

    public async Task<AgentGroup> GetGroupAsync(string accountId, string groupId, CancellationToken cancellationToken) =>
        (await FindGroupAsync(accountId, groupId, cancellationToken)).Group;

    public Task<IReadOnlyList<AgentGroup>> ListGroupsAsync(string accountId, CancellationToken cancellationToken) =>
        store.ListGroupsAsync(accountId, cancellationToken);

    public async Task<AgentGroup> RenameGroupAsync(string accountId, string groupId, string? name, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var cleanName = ValidName(errors, name);
        errors.ThrowIfAny();
        return await ConcurrencyRetry.RunAsync(async () =>
        {
            var group = await GetGroupAsync(accountId, groupId, cancellationToken);
            return group.Name == cleanName ? group : await store.RenameGroupAsync(accountId, group, cleanName!, cancellationToken,
                AuditEntry.Of(clock.GetUtcNow(), AuditActions.AgentGroupRenamed, AuditTargets.AgentGroup, groupId, group, group with { Name = cleanName! }));
        }, cancellationToken);
    }

    /// <summary>
    /// Makes the group's members exactly <paramref name="agentIds"/>, one member per transaction (each with its reach rows),
    /// so that a group with many grants still fits; a retried call finishes an interrupted one.
    /// </summary>
    public async Task<AgentGroup> SetMembersAsync(string accountId, string groupId, IReadOnlyList<string>? agentIds, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var members = ValidMembers(errors, agentIds);
        errors.ThrowIfAny();
        await RequireAgentsAsync(accountId, members, cancellationToken);
        return await ChangeMembersAsync(accountId, groupId, members, audited: true, cancellationToken);
    }

    private async Task<AgentGroup> ChangeMembersAsync(string accountId, string groupId, IReadOnlyList<string> members, bool audited, CancellationToken cancellationToken)
    {
        var current = await GetGroupAsync(accountId, groupId, cancellationToken);
        var audit = audited
            ? new MembersAudit(Ids.Derived("mbr", string.Join(",", members.Order(StringComparer.Ordinal))),
                AuditEntry.Of(clock.GetUtcNow(), AuditActions.AgentGroupMembersSet, AuditTargets.AgentGroup, groupId, current, current with { AgentIds = members }))
            : null;
        foreach (var agentId in current.AgentIds.Except(members))
            await ConcurrencyRetry.RunAsync(() => store.RemoveMemberAsync(accountId, groupId, agentId, clock.GetUtcNow(), cancellationToken, audit), cancellationToken);
        foreach (var agentId in members.Except(current.AgentIds))
            await ConcurrencyRetry.RunAsync(() => store.AddMemberAsync(accountId, groupId, agentId, clock.GetUtcNow(), cancellationToken, audit), cancellationToken);
        return await GetGroupAsync(accountId, groupId, cancellationToken);
    }

    public async Task DeleteGroupAsync(string accountId, string groupId, CancellationToken cancellationToken)
    {
        var at = clock.GetUtcNow();
        if (!Ids.LooksValid(groupId) || !await store.DeleteGroupAsync(accountId, groupId, at, cancellationToken,
                group => AuditEntry.Of(at, AuditActions.AgentGroupDeleted, AuditTargets.AgentGroup, groupId, group, null)))
            throw new NotFoundException($"Agent group '{groupId}' was not found.");
    }

    public async Task<(Grant Grant, bool Created)> AddGrantAsync(string accountId, NewGrant request, string createdBy, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if ((request.AgentId is null) == (request.AgentGroupId is null))
            errors.Add(request.AgentId is null ? "agentId" : "agentGroupId", "Give exactly one of agentId and agentGroupId.");
        var scope = Grant.ParseScope(request.Scope);
        if (scope is null) errors.Add("scope", "Must be allTenants, tenant or deviceGroup.");
        if (scope == GrantScope.Tenant && request.TenantId is null) errors.Add("tenantId", "A tenant grant names its tenant.");
        if (scope == GrantScope.DeviceGroup && request.DeviceGroupId is null) errors.Add("deviceGroupId", "A deviceGroup grant names its device group.");
        if (scope != GrantScope.Tenant && request.TenantId is not null) errors.Add("tenantId", "Only a tenant grant names a tenant.");
        if (scope != GrantScope.DeviceGroup && request.DeviceGroupId is not null) errors.Add("deviceGroupId", "Only a deviceGroup grant names a device group.");
        errors.ThrowIfAny();

        if (request.AgentId is not null)
        {
            var agent = await FindAgentAsync(accountId, request.AgentId, cancellationToken);
            if (agent.Entries.Count(e => e.AgentGroupId is null) >= AccessLimits.MaxGrantsPerAgent)
                throw ValidationException.For("agentId", $"An agent can have at most {AccessLimits.MaxGrantsPerAgent} grants.");
        }
        else
        {
            var (_, grants) = await FindGroupAsync(accountId, request.AgentGroupId!, cancellationToken);
            if (grants.Count >= AccessLimits.MaxGrantsPerGroup)
                throw ValidationException.For("agentGroupId", $"An agent group can have at most {AccessLimits.MaxGrantsPerGroup} grants.");
        }
        if (scope == GrantScope.Tenant && (!Ids.LooksValid(request.TenantId) || await tenants.FindAsync(accountId, request.TenantId!, cancellationToken) is null))
            throw NotFound.Tenant(request.TenantId!);
        if (scope == GrantScope.DeviceGroup && (!Ids.LooksValid(request.DeviceGroupId) || await groups.FindAsync(accountId, request.DeviceGroupId!, cancellationToken) is null))
            throw NotFound.Group(request.DeviceGroupId!);

        var grant = new Grant(Ids.New("grt"), request.AgentId, request.AgentGroupId, scope!.Value,
            scope == GrantScope.Tenant ? request.TenantId : null, scope == GrantScope.DeviceGroup ? request.DeviceGroupId : null,
            clock.GetUtcNow(), createdBy);
        return await ConcurrencyRetry.RunAsync(() => store.AddGrantAsync(accountId, grant, cancellationToken,
            AuditEntry.Of(grant.CreatedAt, AuditActions.GrantCreated, AuditTargets.Grant, grant.Id, null, grant)), cancellationToken);
    }

    public async Task<IReadOnlyList<Grant>> ListGrantsAsync(string accountId, string? agentId, string? agentGroupId, string? tenantId, string? deviceGroupId, CancellationToken cancellationToken) =>
        (await store.ListGrantsAsync(accountId, includeRemoved: false, cancellationToken))
            .Where(g => (agentId is null || g.AgentId == agentId) && (agentGroupId is null || g.AgentGroupId == agentGroupId)
                && (tenantId is null || g.TenantId == tenantId) && (deviceGroupId is null || g.DeviceGroupId == deviceGroupId))
            .OrderBy(g => g.CreatedAt).ThenBy(g => g.Id, StringComparer.Ordinal).ToList();

    public async Task RemoveGrantAsync(string accountId, string grantId, CancellationToken cancellationToken)
    {
        if (!Ids.LooksValid(grantId) || !await ConcurrencyRetry.RunAsync(() =>
            {
                var at = clock.GetUtcNow();
                return store.RemoveGrantAsync(accountId, grantId, at, cancellationToken,
                    grant => AuditEntry.Of(at, AuditActions.GrantDeleted, AuditTargets.Grant, grantId, grant, null));
            }, cancellationToken))
            throw new NotFoundException($"Grant '{grantId}' was not found.");
    }

    /// <summary>What an agent reaches, now (its reach rows, as its requests read them) or at a past moment (the history).</summary>
    public async Task<AgentAccess> AgentAccessAsync(string accountId, string agentId, DateTimeOffset? at, CancellationToken cancellationToken)
    {
        AgentReach agent;
        AccessHistory? history = null;
        if (at is null)
        {
            var read = await FindAgentAsync(accountId, agentId, cancellationToken);
            agent = new AgentReach(read.Agent.Id, read.Agent.Name, read.Agent.Role, read.Entries);
        }
        else
        {
            history = await store.ReadHistoryAsync(accountId, cancellationToken);
            agent = EffectiveAccess.AgentsAt(history, at.Value).FirstOrDefault(a => a.AgentId == agentId)
                ?? throw new NotFoundException($"Agent '{agentId}' was not found.");
        }
        if (agent.ReachesByRole) return new AgentAccess(true, [], []);

        var allGroups = await PageRequest.ReadAllAsync(page => groups.ListAsync(accountId, null, false, page, cancellationToken));
        var reached = new List<AgentAccessGroup>();
        foreach (var group in allGroups)
        {
            var owner = history is null ? group.TenantId : EffectiveAccess.OwnerAt(history, group.Id, group.TenantId, at!.Value);
            if (history is not null && !EffectiveAccess.ExistedAt(history, group.Id, at!.Value)) continue;
            var via = agent.ViaForGroup(group.Id, owner);
            if (via.Count > 0) reached.Add(new AgentAccessGroup(group.Id, group.Name, owner, via));
        }
        var tenantEntries = agent.Entries.Where(e => e.Scope == GrantScope.Tenant).GroupBy(e => e.TargetId!).ToList();
        var names = await groups.TenantNamesAsync(accountId, tenantEntries.Select(t => t.Key), cancellationToken);
        return new AgentAccess(
            agent.Entries.Any(e => e.Scope == GrantScope.AllTenants),
            tenantEntries.Select(t => new AgentAccessTenant(t.Key, names.GetValueOrDefault(t.Key, "(deleted tenant)"), t.Select(AgentReach.ViaOf).ToList()))
                .OrderBy(t => t.Name, StringComparer.OrdinalIgnoreCase).ToList(),
            reached.OrderBy(g => g.Name, StringComparer.OrdinalIgnoreCase).ThenBy(g => g.Id, StringComparer.Ordinal).ToList());
    }

    /// <summary>The agents that reach a device group, now or at a past moment, each with why.</summary>
    public async Task<IReadOnlyList<(AgentReach Agent, IReadOnlyList<Via> Via)>> GroupAccessAsync(string accountId, string groupId, DateTimeOffset? at, CancellationToken cancellationToken)
    {
        var group = (Ids.LooksValid(groupId) ? await groups.FindAsync(accountId, groupId, cancellationToken) : null) ?? throw NotFound.Group(groupId);
        return await ReachingAsync(accountId, group.Id, group.TenantId, at, cancellationToken);
    }

    /// <summary>The agents that reach a device (through its group; an ungrouped device only through allTenants), now or then.</summary>
    public async Task<IReadOnlyList<(AgentReach Agent, IReadOnlyList<Via> Via)>> DeviceAccessAsync(string accountId, string deviceId, DateTimeOffset? at, CancellationToken cancellationToken)
    {
        var device = (Ids.LooksValid(deviceId) ? await groups.FindDeviceAsync(accountId, deviceId, cancellationToken) : null) ?? throw NotFound.Device(deviceId);
        return await ReachingAsync(accountId, device.GroupId ?? "", device.TenantId, at, cancellationToken);
    }

    /// <summary>Who would lose and who would gain access if <paramref name="moving"/> moved to <paramref name="toTenantId"/> (R10 move preview).</summary>
    public async Task<AccessChanges> MoveChangesAsync(string accountId, IReadOnlyList<DeviceGroup> moving, string? toTenantId, CancellationToken cancellationToken)
    {
        var agents = await AgentsNowAsync(accountId, cancellationToken);
        var (losing, gaining) = EffectiveAccess.MoveChanges(agents, moving.Select(g => (g.Id, g.TenantId)).ToList(), toTenantId);
        return new AccessChanges(
            losing.Select(l => new AccessChange(l.Agent.AgentId, l.Agent.Name, l.GroupIds)).ToList(),
            gaining.Select(g => new AccessChange(g.Agent.AgentId, g.Agent.Name, g.GroupIds)).ToList());
    }

    /// <summary>Every agent with its reach entries now (one range query).</summary>
    public async Task<IReadOnlyList<AgentReach>> AgentsNowAsync(string accountId, CancellationToken cancellationToken) =>
        (await store.ReadAllAgentsAsync(accountId, cancellationToken)).Select(a => new AgentReach(a.Agent.Id, a.Agent.Name, a.Agent.Role, a.Entries)).ToList();

    private async Task<IReadOnlyList<(AgentReach Agent, IReadOnlyList<Via> Via)>> ReachingAsync(
        string accountId, string groupId, string? currentOwner, DateTimeOffset? at, CancellationToken cancellationToken)
    {
        IReadOnlyList<AgentReach> agents;
        var owner = currentOwner;
        if (at is null) agents = await AgentsNowAsync(accountId, cancellationToken);
        else
        {
            var history = await store.ReadHistoryAsync(accountId, cancellationToken);
            agents = EffectiveAccess.AgentsAt(history, at.Value);
            owner = groupId.Length == 0 ? null : EffectiveAccess.OwnerAt(history, groupId, currentOwner, at.Value);
        }
        return agents.Select(a => (Agent: a, Via: a.ViaForGroup(groupId, owner)))
            .Where(a => a.Agent.ReachesByRole || a.Via.Count > 0).ToList();
    }

    private async Task<AgentWithReach> FindAgentAsync(string accountId, string agentId, CancellationToken cancellationToken) =>
        (Ids.LooksValid(agentId) ? await store.ReadAgentAsync(accountId, agentId, cancellationToken) : null)
            ?? throw new NotFoundException($"Agent '{agentId}' was not found.");

    private async Task<(AgentGroup Group, IReadOnlyList<Grant> Grants)> FindGroupAsync(string accountId, string groupId, CancellationToken cancellationToken) =>
        (Ids.LooksValid(groupId) ? await store.ReadGroupAsync(accountId, groupId, cancellationToken) : null)
            ?? throw new NotFoundException($"Agent group '{groupId}' was not found.");

    private async Task RequireAgentsAsync(string accountId, IReadOnlyList<string> agentIds, CancellationToken cancellationToken)
    {
        var known = (await store.ReadAllAgentsAsync(accountId, cancellationToken)).Select(a => a.Agent.Id).ToHashSet(StringComparer.Ordinal);
        var missing = agentIds.FirstOrDefault(id => !known.Contains(id));
        if (missing is not null) throw new NotFoundException($"Agent '{missing}' was not found.");
    }

    private static string? ValidName(FieldErrors errors, string? name)
    {
        var clean = TextRules.Clean(name);
        if (clean is null) errors.Add("name", "A name is required.");
        TextRules.MaxLength(errors, "name", clean, AccessLimits.MaxNameLength);
        TextRules.NoControlCharacters(errors, "name", clean, allowNewLines: false);
        return clean;
    }

    private static string? ValidEmail(FieldErrors errors, string? email)
    {
        var clean = TextRules.Clean(email);
        if (clean is null || !ContactRules.IsValidEmail(clean)) errors.Add("email", "A valid email address is required.");
        TextRules.MaxLength(errors, "email", clean, 254);
        return clean;
    }

    private static AgentRole? ValidRole(FieldErrors errors, string? role, bool required)
    {
        var parsed = AgentRoles.Parse(role);
        if (parsed is null && (required || role is not null)) errors.Add("role", "Must be administrator or technician.");
        return parsed;
    }

    private static IReadOnlyList<string> ValidMembers(FieldErrors errors, IReadOnlyList<string>? agentIds)
    {
        var members = (agentIds ?? []).Distinct(StringComparer.Ordinal).ToList();
        if (members.Count > AccessLimits.MaxMembersPerGroup)
            errors.Add("agentIds", $"An agent group can have at most {AccessLimits.MaxMembersPerGroup} members.");
        if (members.Any(id => !Ids.LooksValid(id))) errors.Add("agentIds", "Each agent id must be an id this service issues.");
        return members;
    }
}
