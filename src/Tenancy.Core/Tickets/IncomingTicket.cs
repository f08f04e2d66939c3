using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tenancy.Core.Tickets;

/// <summary>What the email pipeline's authentication checks (DMARC and the like) said about the sender.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SenderAuthentication>))]
public enum SenderAuthentication
{
    [JsonStringEnumMemberName("none")] None,
    [JsonStringEnumMemberName("pass")] Pass,
    [JsonStringEnumMemberName("fail")] Fail,
}

/// <summary>
/// A message on the <c>incoming-tickets</c> queue: one email ticket to route (R6).
/// Read it with <see cref="IncomingTicketParser"/>, which enforces the contract.
/// </summary>
public sealed record IncomingTicket(
    string AccountId,
    string TicketId,
    string From,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Subject = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? ReceivedAt = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] SenderAuthentication? SenderAuthentication = null)
{
    public const string QueueName = "incoming-tickets";

    public string ToJson() => JsonSerializer.Serialize(this, TicketJson.Options);
}
