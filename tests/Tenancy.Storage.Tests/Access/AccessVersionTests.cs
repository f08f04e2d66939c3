using Azure.Data.Tables;
using Tenancy.Core.Access;
using Tenancy.Core.Common;
using Tenancy.Storage.Access;
using Tenancy.Storage.Tables;
using Tenancy.TestSupport;

namespace Tenancy.Storage.Tests.Access;

/// <summary>
/// R10: every write of an agent's rows (the agent, its reach rows, its memberships) changes the account's access version
/// in its own transaction, so that an instance that remembers an agent sees, with one point read, that it must read it again.
/// </summary>
[Collection(AzuriteCollection.Name)]
public class AccessVersionTests(AzuriteFixture azurite)
{
    private readonly string _account = AzuriteFixture.NewAccountId();
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);
    private readonly TableAccessStore _store = new(new TenancyTables(new TableServiceClient(azurite.ConnectionString)));

    private async Task<string> ChangesVersionAsync(Func<Task> write)
    {
        var before = await _store.ReadVersionAsync(_account, default);
        Assert.Equal(before, await _store.ReadVersionAsync(_account, default));
        await write();
        var after = await _store.ReadVersionAsync(_account, default);
        Assert.NotEqual(before, after);
        return after;
    }

    [Fact]
    public async Task Every_write_of_an_agents_rows_changes_the_access_version()
    {
        var agent = new Agent(Ids.New("agt"), "Tess", "tess@msp.example", AgentRole.Technician, Now, "hash-1");
        var group = new AgentGroup(Ids.New("agg"), "Desk", [], Now);
        var direct = new Grant(Ids.New("grt"), agent.Id, null, GrantScope.Tenant, "ten_1", null, Now, "acc");
        var throughGroup = new Grant(Ids.New("grt"), null, group.Id, GrantScope.Tenant, "ten_2", null, Now, "acc");

        await ChangesVersionAsync(() => _store.CreateAgentAsync(_account, agent, default));
        var read = (await _store.ReadAgentAsync(_account, agent.Id, default))!.Agent;
        await ChangesVersionAsync(() => _store.ReplaceAgentAsync(_account, read with { KeyHash = "hash-2" }, default));
        await ChangesVersionAsync(() => _store.AddGrantAsync(_account, direct, default));
        await _store.CreateGroupAsync(_account, group, default);
        await ChangesVersionAsync(() => _store.AddMemberAsync(_account, group.Id, agent.Id, Now, default));
        await ChangesVersionAsync(() => _store.AddGrantAsync(_account, throughGroup, default));
        await ChangesVersionAsync(() => _store.RemoveGrantAsync(_account, throughGroup.Id, Now, default));
        await _store.AddGrantAsync(_account, throughGroup with { Id = Ids.New("grt") }, default);
        await ChangesVersionAsync(() => _store.RemoveMemberAsync(_account, group.Id, agent.Id, Now, default));
        await ChangesVersionAsync(() => _store.RemoveGrantAsync(_account, direct.Id, Now, default));
        await ChangesVersionAsync(() => _store.DeleteAgentAsync(_account, agent.Id, Now, default));
    }
}
