using System.Text.Json;
using Tenancy.Core.Tickets;

namespace Tenancy.Core.Tests.Tickets;

public class TicketAssignmentTests
{
    private static readonly DateTimeOffset At = new(2026, 1, 31, 9, 30, 0, TimeSpan.Zero);

    [Fact]
    public void Writes_the_contract_fields_in_camel_case()
    {
        var assignment = new TicketAssignment("acc_1", "T-1", "ten_1", "Contoso", "contoso.com", TicketMatch.Parent, At, null);
        using var json = JsonDocument.Parse(assignment.ToJson());
        var root = json.RootElement;
        Assert.Equal("acc_1", root.GetProperty("accountId").GetString());
        Assert.Equal("T-1", root.GetProperty("ticketId").GetString());
        Assert.Equal("ten_1", root.GetProperty("tenantId").GetString());
        Assert.Equal("Contoso", root.GetProperty("tenantName").GetString());
        Assert.Equal("contoso.com", root.GetProperty("matchedDomain").GetString());
        Assert.Equal("parent", root.GetProperty("match").GetString());
        Assert.Equal(At, root.GetProperty("assignedAt").GetDateTimeOffset());
    }

    [Fact]
    public void Writes_nulls_and_the_reason_for_an_unassigned_ticket()
    {
        var assignment = new TicketAssignment("acc_1", "T-1", null, null, null, TicketMatch.None, At, "no tenant owns contoso.com");
        using var json = JsonDocument.Parse(assignment.ToJson());
        var root = json.RootElement;
        Assert.Equal(JsonValueKind.Null, root.GetProperty("tenantId").ValueKind);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("tenantName").ValueKind);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("matchedDomain").ValueKind);
        Assert.Equal("none", root.GetProperty("match").GetString());
        Assert.Equal("no tenant owns contoso.com", root.GetProperty("reason").GetString());
    }

    [Theory]
    [InlineData(TicketMatch.None, "none")]
    [InlineData(TicketMatch.Contact, "contact")]
    [InlineData(TicketMatch.Exact, "exact")]
    [InlineData(TicketMatch.Parent, "parent")]
    public void Names_each_match_as_the_contract_does(TicketMatch match, string name) =>
        Assert.Contains($"\"match\":\"{name}\"", new TicketAssignment("a", "t", null, null, null, match, At, null).ToJson());

    [Fact]
    public void Reads_back_what_it_writes()
    {
        var assignment = new TicketAssignment("acc_1", "T-1", "ten_1", "Contoso", null, TicketMatch.Contact, At, null);
        Assert.Equal(assignment, TicketAssignment.FromJson(assignment.ToJson()));
    }

    [Fact]
    public void Copies_the_ticket_and_the_decision()
    {
        var ticket = new IncomingTicket("acc_1", "T-1", "j@contoso.com");
        var decision = new RoutingDecision("ten_1", "Contoso", "contoso.com", TicketMatch.Exact, null);
        Assert.Equal(
            new TicketAssignment("acc_1", "T-1", "ten_1", "Contoso", "contoso.com", TicketMatch.Exact, At, null),
            TicketAssignment.For(ticket, decision, At));
    }
}
