using Tenancy.Core.Access;
using Tenancy.Core.Accounts;
using Tenancy.Core.Common;

namespace Tenancy.Core.Tests.Access;

/// <summary>R10: the one rule that says what a principal may do and what it reaches.</summary>
public class AccessRuleTests
{
    private static readonly Account Account = new("acc_1", "Acme", Plan.Msp, DateTimeOffset.UnixEpoch);

    private static Caller Agent(AgentRole role, Reach reach) =>
        new(Account, "hash", "agt_1", new AgentPrincipal("agt_1", "Ann", role, reach));

    private static Reach Reach(bool all = false, string[]? tenants = null, string[]? groups = null) =>
        new(all, (tenants ?? []).ToHashSet(), (groups ?? []).ToHashSet());

    [Fact]
    public void The_account_key_may_do_every_operation()
    {
        var owner = new Caller(Account, "hash");
        Assert.All(Enum.GetValues<Operation>(), op => Assert.True(AccessRule.Permits(owner, op)));
        Assert.True(AccessRule.ReachOf(owner).AllTenants);
    }

    [Fact]
    public void An_administrator_may_do_what_the_account_key_does_and_reaches_everything_without_grants()
    {
        var admin = Agent(AgentRole.Administrator, Reach());
        Assert.All(Enum.GetValues<Operation>(), op => Assert.True(AccessRule.Permits(admin, op)));
        Assert.True(AccessRule.ReachOf(admin).ReachesGroup("grp_x", null));
    }

    [Theory]
    [InlineData(Operation.ReadSelf, true)]
    [InlineData(Operation.ReadTenants, true)]
    [InlineData(Operation.MoveDevices, true)]
    [InlineData(Operation.ManageTenants, false)]
    [InlineData(Operation.Imports, false)]
    [InlineData(Operation.Routing, false)]
    [InlineData(Operation.ManageAccess, false)]
    [InlineData(Operation.ReadAudit, false)]
    public void A_technician_reads_and_moves_devices_and_nothing_else(Operation operation, bool permitted)
    {
        var technician = Agent(AgentRole.Technician, Reach(all: true));
        Assert.Equal(permitted, AccessRule.Permits(technician, operation));
        if (!permitted) Assert.Throws<ForbiddenException>(() => AccessRule.Require(technician, operation));
    }

    [Fact]
    public void A_technician_without_grants_reaches_nothing()
    {
        var reach = AccessRule.ReachOf(Agent(AgentRole.Technician, Core.Access.Reach.Nothing));
        Assert.False(reach.ReachesTenant("ten_a"));
        Assert.False(reach.ReachesGroup("grp_a", "ten_a"));
        Assert.False(reach.ReachesGroup("grp_b", null));
    }

    [Fact]
    public void A_tenant_grant_follows_the_group_current_owner()
    {
        var reach = Reach(tenants: ["ten_a"]);
        Assert.True(reach.ReachesTenant("ten_a"));
        Assert.True(reach.ReachesGroup("grp_1", "ten_a"));
        Assert.False(reach.ReachesGroup("grp_1", "ten_b"));
        Assert.False(reach.ReachesGroup("grp_1", null));
    }

    [Fact]
    public void A_group_grant_follows_the_group_wherever_it_goes_but_gives_no_tenant()
    {
        var reach = Reach(groups: ["grp_1"]);
        Assert.True(reach.ReachesGroup("grp_1", "ten_a"));
        Assert.True(reach.ReachesGroup("grp_1", "ten_b"));
        Assert.True(reach.ReachesGroup("grp_1", null));
        Assert.False(reach.ReachesTenant("ten_a"));
        Assert.False(reach.ReachesGroup("grp_2", "ten_a"));
    }

    [Fact]
    public void All_tenants_reaches_unassigned_groups_too()
    {
        var reach = Reach(all: true);
        Assert.True(reach.ReachesGroup("grp_9", null));
        Assert.True(reach.ReachesTenant("ten_new"));
    }

    [Fact]
    public void Grants_add_up()
    {
        var reach = Reach(tenants: ["ten_a"], groups: ["grp_9"]);
        Assert.True(reach.ReachesGroup("grp_1", "ten_a"));
        Assert.True(reach.ReachesGroup("grp_9", "ten_z"));
    }

    [Fact]
    public void The_roles_listed_for_an_operation_come_from_the_same_table()
    {
        Assert.Equal([AgentRole.Administrator, AgentRole.Technician], AccessRule.RolesFor(Operation.ReadTenants));
        Assert.Equal([AgentRole.Administrator], AccessRule.RolesFor(Operation.ManageAccess));
    }

    [Fact]
    public void Queue_and_blob_processing_run_as_the_system_and_reach_everything()
    {
        Assert.Null(CallerScope.Current);
        Assert.True(AccessRule.Current.AllTenants);
    }

    [Fact]
    public void An_agent_reach_is_made_of_its_entries()
    {
        var read = new AgentWithReach(new Core.Access.Agent("agt_1", "Ann", "a@b.c", AgentRole.Technician, default, "h"),
            [new("grt_1", GrantScope.Tenant, "ten_a", null), new("grt_2", GrantScope.DeviceGroup, "grp_1", "agg_1")], ["agg_1"]);
        Assert.False(read.Reach.AllTenants);
        Assert.Equal(["ten_a"], read.Reach.TenantIds);
        Assert.Equal(["grp_1"], read.Reach.GroupIds);
    }
}
