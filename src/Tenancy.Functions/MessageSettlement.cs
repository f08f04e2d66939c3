using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.Logging;
using Tenancy.Core.Common;
using Tenancy.Http.Logging;

namespace Tenancy.Functions;

/// <summary>How a handled Service Bus message is settled: completed, or dead-lettered with the reason.</summary>
/// <summary>Where a message's handling is logged and measured: its queue, a logger, the app's metrics.</summary>
public sealed record MessageTelemetry(string Queue, ILogger Logger, TenancyMetrics Metrics);

public sealed record Settlement(bool DeadLetter, string? Reason = null, string? Description = null)
{
    public static readonly Settlement Complete = new(false);
}

/// <summary>
/// Runs a shared message handler on a Service Bus message and decides its settlement from the outcome, as the local
/// host's queue consumer does: complete when handled, dead-letter with the reason when malformed. An exception
/// settles nothing: it fails the invocation, the message comes back, and the queue's <c>maxDeliveryCount</c>
/// dead-letters it in the end. The handling runs in the message's log scope (its account, import or ticket id).
/// </summary>
public static class MessageSettlement
{
    public const string MalformedReason = "malformed";

    /// <summary>Service Bus refuses a dead-letter reason or description longer than this.</summary>
    public const int MaxDeadLetterDescriptionLength = 4096;

    public static async Task<Settlement> DecideAsync(ServiceBusReceivedMessage message,
        Func<string, CancellationToken, Task<MessageOutcome>> handle, MessageTelemetry telemetry, CancellationToken cancellationToken)
    {
        var body = message.Body.ToString();
        var logger = telemetry.Logger;
        using var scope = LogScopes.BeginMessage(logger, telemetry.Queue, body);
        telemetry.Metrics.QueueLag(telemetry.Queue, DateTimeOffset.UtcNow - message.EnqueuedTime);
        logger.LogDebug("Handling message {Id} (delivery {Attempt})", message.MessageId, message.DeliveryCount);
        var outcome = await handle(body, cancellationToken);
        if (!outcome.IsPoison) return Settlement.Complete;
        logger.LogWarning("Message {Id} is dead-lettered as malformed", message.MessageId);
        return new Settlement(true, MalformedReason, Truncate(outcome.Reason));
    }

    private static string? Truncate(string? description) =>
        description is { Length: > MaxDeadLetterDescriptionLength } ? description[..MaxDeadLetterDescriptionLength] : description;
}
