using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Moq;
using Tenancy.Core.Accounts;
using Tenancy.Core.Common;
using Tenancy.Core.Tickets;

namespace Tenancy.Core.Tests.Tickets;

/// <summary>
/// R6 in batches: a batch of one account's tickets costs one index lookup and one store write for all of them, and
/// each message is settled once, on its own: a failure fails only the messages it touched.
/// </summary>
public class TicketIntakeBatchTests
{
    private static readonly TenantRef Contoso = new("ten_contoso", "Contoso");

    private readonly Mock<ITicketRoutingIndex> _index = new();
    private readonly Mock<ITicketAssignmentStore> _store = new();
    private readonly Mock<IMessageSender> _sender = new();
    private readonly TicketIntake _intake;

    public TicketIntakeBatchTests()
    {
        var accounts = new Mock<IAccountStore>();
        accounts.Setup(a => a.FindAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string id, CancellationToken _) => new Account(id, "MSP", Plan.Msp, DateTimeOffset.UnixEpoch));
        _index.Setup(i => i.FindManyAsync(It.IsAny<string>(), It.IsAny<IReadOnlyList<SenderLookup>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string _, IReadOnlyList<SenderLookup> senders, CancellationToken _) =>
                senders.Select(_ => new SenderIndexEntries([], new Dictionary<string, TenantRef> { ["contoso.com"] = Contoso })).ToList());
        _store.Setup(s => s.AddOrGetManyAsync(It.IsAny<IReadOnlyList<TicketAssignment>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((IReadOnlyList<TicketAssignment> assignments, CancellationToken _) => assignments);
        _store.Setup(s => s.AddOrGetAsync(It.IsAny<TicketAssignment>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((TicketAssignment assignment, CancellationToken _) => assignment);
        _intake = new TicketIntake(new TicketRouter(_index.Object, TimeProvider.System), _store.Object,
            new RecentAccounts(accounts.Object, TimeProvider.System), _sender.Object, new TenancyMetrics(new Meters()));
    }

    private static string Ticket(string accountId, string ticketId, string from = "someone@contoso.com") =>
        new IncomingTicket(accountId, ticketId, from).ToJson();

    private async Task<MessageResult[]> HandleAsync(params string[] bodies)
    {
        var results = new ConcurrentDictionary<int, MessageResult>();
        using var slots = new SemaphoreSlim(8);
        await _intake.HandleBatchAsync(Enumerable.Range(0, bodies.Length).ToList(), i => bodies[i],
            (i, result) => { Assert.True(results.TryAdd(i, result), $"message {i} was settled twice"); return Task.CompletedTask; },
            slots, CancellationToken.None);
        return Enumerable.Range(0, bodies.Length).Select(i => results[i]).ToArray();
    }

    [Fact]
    public async Task A_batch_of_one_account_costs_one_lookup_and_one_store_write_for_all_its_tickets()
    {
        var results = await HandleAsync(Enumerable.Range(0, 20).Select(i => Ticket("acc_one", $"T-{i}")).ToArray());

        Assert.All(results, r => Assert.Equal(MessageOutcome.Done, r.Outcome));
        _index.Verify(i => i.FindManyAsync("acc_one", It.IsAny<IReadOnlyList<SenderLookup>>(), It.IsAny<CancellationToken>()), Times.Once);
        _store.Verify(s => s.AddOrGetManyAsync(It.Is<IReadOnlyList<TicketAssignment>>(a => a.Count == 20 && a.All(x => x.TenantId == Contoso.Id)),
            It.IsAny<CancellationToken>()), Times.Once);
        _sender.Verify(s => s.SendAsync(TicketAssignment.QueueName, It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Exactly(20));
    }

    [Fact]
    public async Task When_one_accounts_lookup_fails_each_of_its_tickets_fails_and_nothing_of_it_is_stored_or_published()
    {
        var down = new InvalidOperationException("index unreachable");
        _index.Setup(i => i.FindManyAsync("acc_down", It.IsAny<IReadOnlyList<SenderLookup>>(), It.IsAny<CancellationToken>())).ThrowsAsync(down);

        var results = await HandleAsync(Ticket("acc_down", "T-1"), Ticket("acc_up", "T-2"), Ticket("acc_down", "T-3"), "{}");

        Assert.Same(down, results[0].Error);
        Assert.Equal(MessageOutcome.Done, results[1].Outcome);
        Assert.Same(down, results[2].Error);
        Assert.True(results[3].Outcome!.IsPoison);
        _sender.Verify(s => s.SendAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Once);
        _store.Verify(s => s.AddOrGetAsync(It.Is<TicketAssignment>(a => a.AccountId == "acc_down"), It.IsAny<CancellationToken>()), Times.Never);
        _store.Verify(s => s.AddOrGetManyAsync(It.Is<IReadOnlyList<TicketAssignment>>(a => a.Any(x => x.AccountId == "acc_down")), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task A_failed_publish_fails_only_its_own_ticket()
    {
        _sender.Setup(s => s.SendAsync(TicketAssignment.QueueName, It.IsAny<string>(), "acc_one-T-2", It.IsAny<CancellationToken>()))
            .ThrowsAsync(new TimeoutException("queue busy"));

        var results = await HandleAsync(Ticket("acc_one", "T-1"), Ticket("acc_one", "T-2"), Ticket("acc_one", "T-3"));

        Assert.Equal(MessageOutcome.Done, results[0].Outcome);
        Assert.IsType<TimeoutException>(results[1].Error);
        Assert.Equal(MessageOutcome.Done, results[2].Outcome);
    }

    [Fact]
    public async Task A_ticket_twice_in_one_batch_is_stored_once_and_both_deliveries_publish_the_stored_result()
    {
        var results = await HandleAsync(Ticket("acc_one", "T-1"), Ticket("acc_one", "T-1", "other@elsewhere.org"), Ticket("acc_one", "T-2"));

        Assert.All(results, r => Assert.Equal(MessageOutcome.Done, r.Outcome));
        _store.Verify(s => s.AddOrGetManyAsync(It.Is<IReadOnlyList<TicketAssignment>>(a => a.Count == 2), It.IsAny<CancellationToken>()), Times.Once);
        _sender.Verify(s => s.SendAsync(TicketAssignment.QueueName, It.Is<string>(body => body.Contains(Contoso.Id)), "acc_one-T-1", It.IsAny<CancellationToken>()), Times.Exactly(2));
    }

    private sealed class Meters : IMeterFactory
    {
        public Meter Create(MeterOptions options) => new(options);
        public void Dispose() { }
    }
}
