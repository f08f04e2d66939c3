namespace Tenancy.Core.Common;

/// <summary>Sends a message on a queue (Storage queues locally, Service Bus in Azure).</summary>
public interface IMessageSender
{
    /// <param name="messageId">A deterministic id, so the broker can drop a duplicate send.</param>
    Task SendAsync(string queueName, string body, string messageId, CancellationToken cancellationToken);
}

/// <summary>What a message handler decided: done, or set aside with a reason (never retried).</summary>
public sealed record MessageOutcome(bool IsPoison, string? Reason)
{
    public static readonly MessageOutcome Done = new(false, null);
    public static MessageOutcome Poison(string reason) => new(true, reason);
}

/// <summary>
/// What became of one message of a batch: handled (<see cref="Outcome"/>: done or poison), or failed with
/// <see cref="Error"/>, to be delivered again as if its handler had thrown.
/// </summary>
public sealed record MessageResult(MessageOutcome? Outcome, Exception? Error)
{
    public static MessageResult Of(MessageOutcome outcome) => new(outcome, null);
    public static MessageResult Failed(Exception error) => new(null, error);
}
