using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Tenancy.Core.Access;
using Tenancy.Core.Audit;
using Tenancy.Core.Common;
using Tenancy.Storage.Access;
using Tenancy.Storage.Audit;
using Tenancy.Storage.Tables;
using Tenancy.TestSupport;

namespace Tenancy.Storage.Tests.Audit;

/// <summary>Access changes made of several transactions record one entry, also when a crash interrupts them and a retry finishes them.</summary>
[Collection(AzuriteCollection.Name)]
public class AccessAuditResumeTests(AzuriteFixture azurite)
{
    private readonly string _account = AzuriteFixture.NewAccountId();
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    private TableAccessStore Store(HttpPipelinePolicy? fault = null)
    {
        var options = new TableClientOptions();
        options.Retry.MaxRetries = 0;
        if (fault is not null) options.AddPolicy(fault, HttpPipelinePosition.PerCall);
        return new TableAccessStore(new TenancyTables(new TableServiceClient(azurite.ConnectionString, options)));
    }

    private async Task<IReadOnlyList<AuditEntry>> EntriesAsync() =>
        await PageRequest.ReadAllAsync(page => new TableAuditLog(new TenancyTables(new TableServiceClient(azurite.ConnectionString)))
            .ListAsync(_account, new AuditQuery(null, null, null, null), page, CancellationToken.None));

    private static AuditEntry Entry(string action, string targetId) => AuditEntry.Of(Now, action, AuditTargets.AgentGroup, targetId, null, null);

    private async Task<(string A, string B, AgentGroup Group)> AgentsAndGroupAsync()
    {
        var store = Store();
        var agents = new[] { Ids.New("agt"), Ids.New("agt") };
        foreach (var id in agents) await store.CreateAgentAsync(_account, new Agent(id, "Ann", "ann@msp.example", AgentRole.Technician, Now, "hash-" + id), default);
        var group = new AgentGroup(Ids.New("agg"), "Desk", [], Now);
        await store.CreateGroupAsync(_account, group, default);
        return (agents[0], agents[1], group);
    }

    [Fact]
    public async Task A_members_change_finished_by_a_retried_call_records_one_entry()
    {
        var (a, b, group) = await AgentsAndGroupAsync();
        var target = new MembersAudit("a+b", Entry(AuditActions.AgentGroupMembersSet, group.Id));

        // The call adds a, then crashes before adding b; the retried call (its own entry) adds b only.
        await Store().AddMemberAsync(_account, group.Id, a, Now, default, target);
        await Store().AddMemberAsync(_account, group.Id, b, Now, default, target with { Entry = Entry(AuditActions.AgentGroupMembersSet, group.Id) });

        Assert.Equal([target.Entry.Id], (await EntriesAsync()).Select(e => e.Id));

        // Another change of members is another entry.
        await Store().RemoveMemberAsync(_account, group.Id, a, Now, default, new MembersAudit("b", Entry(AuditActions.AgentGroupMembersSet, group.Id)));
        Assert.Equal(2, (await EntriesAsync()).Count);
    }

    [Fact]
    public async Task A_group_deletion_interrupted_after_its_grant_and_members_went_records_once_when_resumed()
    {
        var (a, _, group) = await AgentsAndGroupAsync();
        await Store().AddMemberAsync(_account, group.Id, a, Now, default);
        await Store().AddGrantAsync(_account, new Grant(Ids.New("grt"), null, group.Id, GrantScope.AllTenants, null, null, Now, "account"), default);

        // Its grant and its member go (two transactions), then the crash: the group's row is still there.
        await Assert.ThrowsAnyAsync<Exception>(() => Store(new FailingTransactionsPolicy(allowed: 2))
            .DeleteGroupAsync(_account, group.Id, Now, default, g => Entry(AuditActions.AgentGroupDeleted, g.Id)));
        Assert.Empty(await EntriesAsync());

        Assert.True(await Store().DeleteGroupAsync(_account, group.Id, Now, default, g => Entry(AuditActions.AgentGroupDeleted, g.Id)));
        Assert.False(await Store().DeleteGroupAsync(_account, group.Id, Now, default, g => Entry(AuditActions.AgentGroupDeleted, g.Id)));

        Assert.Equal([AuditActions.AgentGroupDeleted], (await EntriesAsync()).Select(e => e.Action));
    }

    [Fact]
    public async Task An_agent_deletion_interrupted_after_its_first_transaction_is_recorded_once()
    {
        var (a, _, group) = await AgentsAndGroupAsync();
        await Store().AddMemberAsync(_account, group.Id, a, Now, default);

        // The agent's row goes with its entry, then the crash before its membership is removed.
        await Assert.ThrowsAnyAsync<Exception>(() => Store(new FailingTransactionsPolicy(allowed: 1))
            .DeleteAgentAsync(_account, a, Now, default, _ => Entry(AuditActions.AgentDeleted, a)));
        Assert.False(await Store().DeleteAgentAsync(_account, a, Now, default, _ => Entry(AuditActions.AgentDeleted, a)));

        Assert.Equal([AuditActions.AgentDeleted], (await EntriesAsync()).Select(e => e.Action));
    }
}
