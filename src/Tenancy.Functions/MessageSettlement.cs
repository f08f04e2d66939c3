using Azure.Messaging.ServiceBus;
using Tenancy.Core.Common;

namespace Tenancy.Functions;

/// <summary>How a handled Service Bus message is settled: completed, or dead-lettered with the reason.</summary>
public sealed record Settlement(bool DeadLetter, string? Reason = null, string? Description = null)
{
    public static readonly Settlement Complete = new(false);
}

/// <summary>
/// Runs a shared message handler on a Service Bus message and decides its settlement from the outcome, as the local
/// host's queue consumer does: complete when handled, dead-letter with the reason when malformed. An exception
/// settles nothing: it fails the invocation, the message comes back, and the queue's <c>maxDeliveryCount</c>
/// dead-letters it in the end.
/// </summary>
public static class MessageSettlement
{
    public const string MalformedReason = "malformed";

    /// <summary>Service Bus refuses a dead-letter reason or description longer than this.</summary>
    public const int MaxDeadLetterDescriptionLength = 4096;

    public static async Task<Settlement> DecideAsync(ServiceBusReceivedMessage message,
        Func<string, CancellationToken, Task<MessageOutcome>> handle, CancellationToken cancellationToken)
    {
        var outcome = await handle(message.Body.ToString(), cancellationToken);
        return outcome.IsPoison ? new Settlement(true, MalformedReason, Truncate(outcome.Reason)) : Settlement.Complete;
    }

    private static string? Truncate(string? description) =>
        description is { Length: > MaxDeadLetterDescriptionLength } ? description[..MaxDeadLetterDescriptionLength] : description;
}
