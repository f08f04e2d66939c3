using Azure;
using Azure.Data.Tables;
using Tenancy.Core.Access;
using Tenancy.Core.Audit;
using Tenancy.Core.Common;
using Tenancy.Core.Identity;
using Tenancy.Storage.Access;
using Tenancy.Storage.Accounts;
using Tenancy.Storage.Audit;
using Tenancy.Storage.Tables;

namespace Tenancy.Storage.Identity;

/// <summary>
/// Invitations and identity links (R14). In the account's partition of the tenancy table: <c>IV|{sha256 of code}</c>
/// an invitation (agent, expiry, when used), and a linked identity's row <c>K|{identity hash}</c> (<see cref="KeyRows"/>),
/// which every write of its requests checks as a key's. In the accounts table: <c>invitation/{sha256 of code}</c> finds
/// a code's account (a person not yet linked has no account to look in), and the key index entry
/// <c>apikey/{identity hash}</c> authenticates the identity as its agent. Codes are never stored.
/// </summary>
public sealed class TableIdentityLinkStore(TenancyTables tables) : IIdentityLinkStore
{
    private const string InvitationPrefix = "IV|";
    private const string InvitationIndex = "invitation";

    public async Task CreateInvitationAsync(Invitation invitation, AuditEntry audit, CancellationToken cancellationToken)
    {
        // The account's row first: an index entry always finds its invitation.
        await TableTransactions.SubmitAsync(tables.Tenancy, [
            new(TableTransactionActionType.Add, new TableEntity(invitation.AccountId, InvitationPrefix + invitation.CodeHash)
            {
                ["AgentId"] = invitation.AgentId, ["CreatedAt"] = invitation.CreatedAt, ["ExpiresAt"] = invitation.ExpiresAt,
            }),
            AuditRows.Append(invitation.AccountId, audit),
        ], cancellationToken);
        await tables.Accounts.AddEntityAsync(new TableEntity(InvitationIndex, invitation.CodeHash) { ["AccountId"] = invitation.AccountId }, cancellationToken);
    }

    public async Task<Invitation?> FindInvitationAsync(string codeHash, CancellationToken cancellationToken)
    {
        var index = await tables.Accounts.GetEntityIfExistsAsync<TableEntity>(InvitationIndex, codeHash, cancellationToken: cancellationToken);
        if (!index.HasValue) return null;
        var accountId = index.Value!.GetString("AccountId");
        var row = await tables.Tenancy.GetEntityIfExistsAsync<TableEntity>(accountId, InvitationPrefix + codeHash, cancellationToken: cancellationToken);
        if (!row.HasValue) return null;
        var r = row.Value!;
        return new Invitation(codeHash, accountId, r.GetString("AgentId"), r.GetDateTimeOffset("CreatedAt") ?? default,
            r.GetDateTimeOffset("ExpiresAt") ?? default, r.GetDateTimeOffset("UsedAt"), r.ETag.ToString());
    }

    public async Task<(string AccountId, string AgentId)?> FindClaimAsync(PersonIdentity identity, CancellationToken cancellationToken)
    {
        var row = await tables.Accounts.GetEntityIfExistsAsync<TableEntity>(TableAccountStore.KeyPartition, identity.KeyHash, cancellationToken: cancellationToken);
        return row.HasValue ? (row.Value!.GetString("AccountId"), row.Value.GetString("AgentId") ?? "") : null;
    }

    public async Task<bool> ClaimAsync(PersonIdentity identity, string accountId, string agentId, CancellationToken cancellationToken)
    {
        try
        {
            // Inserted, never upserted: of two people's requests for one identity, one writes it.
            await tables.Accounts.AddEntityAsync(new TableEntity(TableAccountStore.KeyPartition, identity.KeyHash)
            {
                ["AccountId"] = accountId, ["AgentId"] = agentId,
            }, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (TableTransactions.IsConflict(ex))
        {
            return false;
        }
    }

    public async Task ReleaseAsync(PersonIdentity identity, string accountId, string agentId, CancellationToken cancellationToken)
    {
        var row = await tables.Accounts.GetEntityIfExistsAsync<TableEntity>(TableAccountStore.KeyPartition, identity.KeyHash, cancellationToken: cancellationToken);
        if (!row.HasValue || row.Value!.GetString("AccountId") != accountId || row.Value.GetString("AgentId") != agentId) return;
        try
        {
            await tables.Accounts.DeleteEntityAsync(TableAccountStore.KeyPartition, identity.KeyHash, row.Value.ETag, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
            // Gone or taken over meanwhile: it no longer names this agent.
        }
    }

    public async Task LinkAsync(Invitation invitation, Agent agent, PersonIdentity identity, DateTimeOffset at, AuditEntry audit, CancellationToken cancellationToken)
    {
        var accountId = invitation.AccountId;
        try
        {
            await TableTransactions.SubmitAsync(tables.Tenancy, [
                new(TableTransactionActionType.UpdateMerge, new TableEntity(accountId, InvitationPrefix + invitation.CodeHash) { ["UsedAt"] = at },
                    new ETag(invitation.ETag)),
                new(TableTransactionActionType.UpdateReplace, AccessRows.AgentEntity(accountId, agent with { Identity = identity }), new ETag(agent.ETag)),
                new(TableTransactionActionType.UpsertReplace, KeyRows.Entity(accountId, identity.KeyHash)),
                AccessRows.VersionChange(accountId),
                AuditRows.Append(accountId, audit),
            ], cancellationToken);
        }
        catch (TableTransactionFailedException ex) when (ex.Status is 412 or 404)
        {
            throw new ConcurrencyException("The invitation or its agent changed while it was being used.");
        }
    }

    public async Task UnlinkAsync(string accountId, Agent agent, AuditEntry audit, CancellationToken cancellationToken)
    {
        // A person unlinking their own agent: the transaction already checks that row (KeyRows), so it goes right after.
        if (Core.Accounts.CallerScope.Current?.KeyHash == agent.Identity!.KeyHash)
        {
            await TableTransactions.SubmitAsync(tables.Tenancy, [
                new(TableTransactionActionType.UpdateReplace, AccessRows.AgentEntity(accountId, agent with { Identity = null }), new ETag(agent.ETag)),
                AccessRows.VersionChange(accountId),
                AuditRows.Append(accountId, audit),
            ], cancellationToken);
            await tables.Tenancy.DeleteEntityAsync(accountId, KeyRows.Key(agent.Identity.KeyHash), ETag.All, cancellationToken);
            return;
        }
        try
        {
            await TableTransactions.SubmitAsync(tables.Tenancy, [
                new(TableTransactionActionType.UpdateReplace, AccessRows.AgentEntity(accountId, agent with { Identity = null }), new ETag(agent.ETag)),
                new(TableTransactionActionType.Delete, new TableEntity(accountId, KeyRows.Key(agent.Identity!.KeyHash)), ETag.All),
                AccessRows.VersionChange(accountId),
                AuditRows.Append(accountId, audit),
            ], cancellationToken);
        }
        catch (TableTransactionFailedException ex) when (ex.Status is 412)
        {
            throw new ConcurrencyException("The agent changed while it was being unlinked.");
        }
        catch (TableTransactionFailedException ex) when (ex.Status is 404 && ex.FailedTransactionActionIndex == 1)
        {
            // Its row already gone (an unlink that stopped half-way): clear the agent alone.
            await TableTransactions.SubmitAsync(tables.Tenancy, [
                new(TableTransactionActionType.UpdateReplace, AccessRows.AgentEntity(accountId, agent with { Identity = null }), new ETag(agent.ETag)),
                AccessRows.VersionChange(accountId),
                AuditRows.Append(accountId, audit),
            ], cancellationToken);
        }
    }
}
