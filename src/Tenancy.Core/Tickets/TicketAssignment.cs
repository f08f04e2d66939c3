using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tenancy.Core.Tickets;

/// <summary>How a ticket was matched to its tenant (R6), most specific first.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TicketMatch>))]
public enum TicketMatch
{
    /// <summary>No tenant: the ticket stays unassigned, and the assignment says why.</summary>
    [JsonStringEnumMemberName("none")] None,

    /// <summary>The sender's address is the email of a contact of exactly one tenant.</summary>
    [JsonStringEnumMemberName("contact")] Contact,

    /// <summary>The tenant owns the sender's domain itself.</summary>
    [JsonStringEnumMemberName("exact")] Exact,

    /// <summary>The tenant owns a parent of the sender's domain (the most specific one that has an owner).</summary>
    [JsonStringEnumMemberName("parent")] Parent,
}

/// <summary>What routing decides for a sender: the answer of <c>GET /api/ticket-routing/match</c>.</summary>
public sealed record RoutingDecision(string? TenantId, string? TenantName, string? MatchedDomain, TicketMatch Match, string? Reason)
{
    public static RoutingDecision To(TenantRef tenant, TicketMatch match, string? matchedDomain) =>
        new(tenant.Id, tenant.Name, matchedDomain, match, null);

    /// <summary>A reason is stored with the assignment and travels on a queue: it is cut to this length.</summary>
    public const int MaxReasonLength = 1024;

    public static RoutingDecision Unassigned(string reason) =>
        new(null, null, null, TicketMatch.None, reason.Length <= MaxReasonLength ? reason : string.Concat(reason.AsSpan(0, MaxReasonLength - 1), "…"));
}

/// <summary>
/// A message on the <c>ticket-assignments</c> queue, and what is stored per account and ticket. <see cref="Reason"/>
/// says why a ticket stayed unassigned (null when it has a tenant).
/// </summary>
public sealed record TicketAssignment(
    string AccountId,
    string TicketId,
    string? TenantId,
    string? TenantName,
    string? MatchedDomain,
    TicketMatch Match,
    DateTimeOffset AssignedAt,
    string? Reason)
{
    public const string QueueName = "ticket-assignments";

    // A field, not a property: no answer, message or schema carries it.
    private string? _senderKey;

    /// <summary>
    /// The sender's email key (<see cref="EmailKey"/>), for the store's sender index only (R15: a person's tickets are
    /// found and forgotten by it); never in the assignment's JSON, so no answer or message carries the address.
    /// </summary>
    public string? SenderKey() => _senderKey;

    /// <summary>Equal when what was decided is equal: the sender key only feeds the store's index.</summary>
    public bool Equals(TicketAssignment? other) =>
        other is not null && (AccountId, TicketId, TenantId, TenantName, MatchedDomain, Match, AssignedAt, Reason)
            == (other.AccountId, other.TicketId, other.TenantId, other.TenantName, other.MatchedDomain, other.Match, other.AssignedAt, other.Reason);

    public override int GetHashCode() => HashCode.Combine(AccountId, TicketId, TenantId, TenantName, MatchedDomain, Match, AssignedAt, Reason);

    public static TicketAssignment For(IncomingTicket ticket, RoutingDecision decision, DateTimeOffset assignedAt) =>
        new(ticket.AccountId, ticket.TicketId, decision.TenantId, decision.TenantName, decision.MatchedDomain,
            decision.Match, assignedAt, decision.Reason) { _senderKey = EmailKey.For(ticket.From) };

    public string ToJson() => JsonSerializer.Serialize(this, TicketJson.Options);

    public static TicketAssignment? FromJson(string json) => JsonSerializer.Deserialize<TicketAssignment>(json, TicketJson.Options);
}
