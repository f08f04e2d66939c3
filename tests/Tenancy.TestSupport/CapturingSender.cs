using System.Collections.Concurrent;
using Tenancy.Core.Common;

namespace Tenancy.TestSupport;

/// <summary>Keeps what is sent instead of sending it, so a test can deliver it, twice if it likes.</summary>
public sealed class CapturingSender : IMessageSender
{
    public ConcurrentQueue<(string Queue, string Body, string MessageId)> Sent { get; } = new();

    public Task SendAsync(string queueName, string body, string messageId, CancellationToken cancellationToken)
    {
        Sent.Enqueue((queueName, body, messageId));
        return Task.CompletedTask;
    }
}
