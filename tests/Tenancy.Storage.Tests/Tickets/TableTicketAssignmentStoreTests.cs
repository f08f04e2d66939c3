using Tenancy.Core.Tickets;
using Tenancy.Storage.Tickets;
using Tenancy.TestSupport;

namespace Tenancy.Storage.Tests.Tickets;

/// <summary>R6: a batch's assignments are stored once per ticket; one already stored wins over the batch's.</summary>
[Collection(AzuriteCollection.Name)]
public class TableTicketAssignmentStoreTests(AzuriteFixture azurite)
{
    private readonly TableTicketAssignmentStore _store = new(azurite.Tables);
    private readonly string _account = AzuriteFixture.NewAccountId();
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    private TicketAssignment Assigned(string ticketId, string tenantId) =>
        new(_account, ticketId, tenantId, "Tenant " + tenantId, "contoso.com", TicketMatch.Exact, Now, null);

    [Fact]
    public async Task A_batch_of_new_tickets_is_stored_as_given()
    {
        var batch = Enumerable.Range(0, 32).Select(i => Assigned($"T-{i}", "ten_a")).ToList();

        var stored = await _store.AddOrGetManyAsync(batch, CancellationToken.None);

        Assert.Equal(batch, stored);
        foreach (var assignment in batch)
            Assert.Equal(assignment, await _store.FindAsync(_account, assignment.TicketId, CancellationToken.None));
    }

    [Fact]
    public async Task A_ticket_stored_before_with_another_result_keeps_it_and_the_others_of_the_batch_are_stored()
    {
        var earlier = Assigned("T-2", "ten_first");
        await _store.AddOrGetAsync(earlier, CancellationToken.None);
        var batch = new[] { Assigned("T-1", "ten_b"), Assigned("T-2", "ten_b"), Assigned("T-3", "ten_b") };

        var stored = await _store.AddOrGetManyAsync(batch, CancellationToken.None);

        Assert.Equal([batch[0], earlier, batch[2]], stored);
        Assert.Equal(earlier, await _store.FindAsync(_account, "T-2", CancellationToken.None));
        Assert.Equal(batch[2], await _store.FindAsync(_account, "T-3", CancellationToken.None));
    }

    [Fact]
    public async Task More_tickets_than_one_transaction_holds_are_all_stored()
    {
        var batch = Enumerable.Range(0, 150).Select(i => Assigned($"T-{i:D3}", "ten_a")).ToList();

        var stored = await _store.AddOrGetManyAsync(batch, CancellationToken.None);

        Assert.Equal(batch, stored);
        Assert.Equal(batch[149], await _store.FindAsync(_account, "T-149", CancellationToken.None));
    }

    [Fact]
    public async Task A_ticket_twice_in_one_batch_is_refused_before_anything_is_written()
    {
        await Assert.ThrowsAsync<ArgumentException>(() =>
            _store.AddOrGetManyAsync([Assigned("T-1", "ten_a"), Assigned("T-1", "ten_b")], CancellationToken.None));

        Assert.Null(await _store.FindAsync(_account, "T-1", CancellationToken.None));
    }
}
