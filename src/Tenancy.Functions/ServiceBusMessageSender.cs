using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Azure.Messaging.ServiceBus;
using Tenancy.Core.Common;

namespace Tenancy.Functions;

/// <summary>
/// Sends on Service Bus queues with the caller's deterministic id as <c>MessageId</c>, so that a queue with
/// duplicate detection drops a repeated send (an import chunk sent again after a crash).
/// </summary>
public sealed class ServiceBusMessageSender(ServiceBusClient client) : IMessageSender
{
    /// <summary>The connection name the triggers use and the configuration section the client is built from.</summary>
    public const string ConnectionName = "ServiceBusConnection";

    /// <summary>Service Bus refuses a longer <c>MessageId</c>.</summary>
    public const int MaxMessageIdLength = 128;

    // One sender per queue for the app's lifetime; the client owns the connection and closes them with it.
    private readonly ConcurrentDictionary<string, ServiceBusSender> _senders = new();

    public Task SendAsync(string queueName, string body, string messageId, CancellationToken cancellationToken)
    {
        var message = new ServiceBusMessage(body)
        {
            MessageId = ServiceBusMessageId(messageId),
            ContentType = "application/json",
        };
        return _senders.GetOrAdd(queueName, client.CreateSender).SendMessageAsync(message, cancellationToken);
    }

    /// <summary>
    /// The id itself, or for one too long (account and ticket ids may each be 128 characters) its SHA-256:
    /// still the same for the same message, so duplicate detection still works.
    /// </summary>
    public static string ServiceBusMessageId(string messageId) =>
        messageId.Length <= MaxMessageIdLength
            ? messageId
            : "sha256-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(messageId)));
}
