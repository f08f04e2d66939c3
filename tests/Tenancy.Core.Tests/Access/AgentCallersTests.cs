using Moq;
using Tenancy.Core.Access;
using Tenancy.Core.Accounts;
using Tenancy.Core.Common;

namespace Tenancy.Core.Tests.Access;

/// <summary>
/// R10: an agent's request runs with its row and reach as they stand now, read again only when the account's access
/// version changed; a read begun with a remembered agent delivers its answer only once that agent proved current.
/// </summary>
public class AgentCallersTests
{
    private static readonly Account Account = new("acc_1", "Acme", Plan.Msp, DateTimeOffset.UnixEpoch);
    private static readonly Caller Caller = new(Account, "hash-1", "agt_1");

    private readonly Mock<IAccessStore> _store = new();
    private string _version = "v1";
    private AgentWithReach? _agent = Technician("ten_1");

    public AgentCallersTests()
    {
        _store.Setup(s => s.ReadVersionAsync("acc_1", It.IsAny<CancellationToken>())).ReturnsAsync(() => _version);
        _store.Setup(s => s.ReadAgentAsync("acc_1", "agt_1", It.IsAny<CancellationToken>())).ReturnsAsync(() => _agent);
    }

    private static AgentWithReach Technician(params string[] tenantIds) => new(
        new Agent("agt_1", "Tess", "tess@msp.example", AgentRole.Technician, DateTimeOffset.UnixEpoch, "hash-1"),
        tenantIds.Select((t, i) => new ReachEntry($"grt_{i}", GrantScope.Tenant, t, null)).ToList(), []);

    /// <summary>What a read of tenant ten_1 answers for the caller: the tenant, or not found.</summary>
    private static Task<string> ReadTenant(Caller caller) => caller.Agent!.Reach.ReachesTenant("ten_1")
        ? Task.FromResult("ten_1")
        : Task.FromException<string>(NotFound.Tenant("ten_1"));

    [Fact]
    public async Task An_agent_is_read_once_while_the_access_version_stays_the_same()
    {
        var callers = new AgentCallers(_store.Object);

        for (var i = 0; i < 3; i++)
            Assert.Equal("ten_1", await callers.RunAsync(Caller, readOnly: true, ReadTenant, default));

        _store.Verify(s => s.ReadAgentAsync("acc_1", "agt_1", It.IsAny<CancellationToken>()), Times.Once);
        _store.Verify(s => s.ReadVersionAsync("acc_1", It.IsAny<CancellationToken>()), Times.Exactly(3));
    }

    [Fact]
    public async Task A_read_begun_with_a_remembered_agent_whose_grant_was_removed_answers_not_found()
    {
        var callers = new AgentCallers(_store.Object);
        await callers.RunAsync(Caller, readOnly: true, ReadTenant, default);
        _agent = Technician();
        _version = "v2";

        var runs = new List<bool>();
        await Assert.ThrowsAsync<NotFoundException>(() => callers.RunAsync(Caller, readOnly: true, c =>
        {
            runs.Add(c.Agent!.Reach.ReachesTenant("ten_1"));
            return ReadTenant(c);
        }, default));

        Assert.Equal([true, false], runs); // begun with the remembered grant, done again without it
    }

    [Fact]
    public async Task A_read_begun_with_a_remembered_agent_delivers_nothing_before_the_version_is_read()
    {
        var callers = new AgentCallers(_store.Object);
        await callers.RunAsync(Caller, readOnly: true, ReadTenant, default);
        var version = new TaskCompletionSource<string>();
        _store.Setup(s => s.ReadVersionAsync("acc_1", It.IsAny<CancellationToken>())).Returns(version.Task);

        var started = false;
        var answer = callers.RunAsync(Caller, readOnly: true, c => { started = true; return ReadTenant(c); }, default);

        Assert.True(started); // the read runs side by side with the version read...
        Assert.False(answer.IsCompleted); // ...but answers only once the version is known
        version.SetResult("v1");
        Assert.Equal("ten_1", await answer);
    }

    [Fact]
    public async Task A_change_elsewhere_in_the_account_keeps_the_early_answer_of_an_unchanged_agent()
    {
        var callers = new AgentCallers(_store.Object);
        await callers.RunAsync(Caller, readOnly: true, ReadTenant, default);
        _version = "v2"; // say, another agent's grant
        _agent = Technician("ten_1");

        var runs = 0;
        Assert.Equal("ten_1", await callers.RunAsync(Caller, readOnly: true, c => { runs++; return ReadTenant(c); }, default));

        Assert.Equal(1, runs);
    }

    [Fact]
    public async Task A_write_waits_for_the_agent_as_it_is_now()
    {
        var callers = new AgentCallers(_store.Object);
        await callers.RunAsync(Caller, readOnly: true, ReadTenant, default);
        var version = new TaskCompletionSource<string>();
        _store.Setup(s => s.ReadVersionAsync("acc_1", It.IsAny<CancellationToken>())).Returns(version.Task);
        _agent = Technician();

        var seen = new List<bool>();
        var write = callers.RunAsync(Caller, readOnly: false, c => { seen.Add(c.Agent!.Reach.ReachesTenant("ten_1")); return Task.FromResult(0); }, default);

        Assert.Empty(seen);
        version.SetResult("v2");
        await write;
        Assert.Equal([false], seen);
    }

    [Fact]
    public async Task A_deleted_agent_or_a_rotated_key_is_refused_even_when_its_early_read_succeeded()
    {
        var callers = new AgentCallers(_store.Object);
        await callers.RunAsync(Caller, readOnly: true, ReadTenant, default);
        _version = "v2";
        var rotated = Technician("ten_1");
        _agent = rotated with { Agent = rotated.Agent with { KeyHash = "hash-2" } };

        await Assert.ThrowsAsync<KeyRevokedException>(() => callers.RunAsync(Caller, readOnly: true, ReadTenant, default));

        _agent = null;
        await Assert.ThrowsAsync<KeyRevokedException>(() => callers.RunAsync(Caller, readOnly: true, ReadTenant, default));
    }

    [Fact]
    public async Task The_account_key_reads_no_agent_and_no_version()
    {
        var callers = new AgentCallers(_store.Object);

        await callers.RunAsync(new Caller(Account, "hash-0"), readOnly: true, c => Task.FromResult(c.Agent), default);

        _store.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task A_person_is_their_agent_only_while_the_agent_names_their_identity()
    {
        var person = new Identity.PersonIdentity("https://login.example/", "lea");
        var caller = new Caller(Account, person.KeyHash, "agt_1", null, person);
        var linked = Technician("ten_1");
        _agent = linked with { Agent = linked.Agent with { Identity = person } };
        var callers = new AgentCallers(_store.Object);
        Assert.Equal("ten_1", await callers.RunAsync(caller, readOnly: true, ReadTenant, default));

        _agent = linked with { Agent = linked.Agent with { Identity = new Identity.PersonIdentity("https://other.example/", "lea") } };
        _version = "v2";

        await Assert.ThrowsAsync<KeyRevokedException>(() => callers.RunAsync(caller, readOnly: true, ReadTenant, default));
        // The agent's API key is not the person: it never stands for them.
        await Assert.ThrowsAsync<KeyRevokedException>(() => callers.RunAsync(caller with { KeyHash = "hash-1" }, readOnly: false, ReadTenant, default));
    }
}
