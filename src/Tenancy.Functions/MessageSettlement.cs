using Azure.Messaging.ServiceBus;
using Microsoft.Azure.Functions.Worker;
using Tenancy.Core.Common;

namespace Tenancy.Functions;

/// <summary>
/// Runs a shared message handler on a Service Bus message and settles the message from its outcome, as the
/// local host's queue consumer does: completed when handled, dead-lettered with the reason when malformed.
/// An exception settles nothing here: it fails the invocation, the message comes back, and the queue's
/// <c>maxDeliveryCount</c> dead-letters it in the end.
/// </summary>
public static class MessageSettlement
{
    public const string MalformedReason = "malformed";

    /// <summary>Service Bus refuses a dead-letter reason or description longer than this.</summary>
    public const int MaxDeadLetterDescriptionLength = 4096;

    public static async Task HandleAsync(ServiceBusReceivedMessage message, ServiceBusMessageActions actions,
        Func<string, CancellationToken, Task<MessageOutcome>> handle, CancellationToken cancellationToken)
    {
        var outcome = await handle(message.Body.ToString(), cancellationToken);
        if (outcome.IsPoison)
            await actions.DeadLetterMessageAsync(message, deadLetterReason: MalformedReason,
                deadLetterErrorDescription: Truncate(outcome.Reason), cancellationToken: cancellationToken);
        else
            await actions.CompleteMessageAsync(message, cancellationToken);
    }

    private static string? Truncate(string? description) =>
        description is { Length: > MaxDeadLetterDescriptionLength } ? description[..MaxDeadLetterDescriptionLength] : description;
}
