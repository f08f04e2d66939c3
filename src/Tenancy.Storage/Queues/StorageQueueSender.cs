using Tenancy.Core.Common;

namespace Tenancy.Storage.Queues;

/// <summary>
/// Sends on Storage queues. They have no duplicate detection, so the message id is not used here:
/// every consumer is idempotent, which is what makes a duplicate harmless on either broker.
/// </summary>
public sealed class StorageQueueSender(TenancyQueues queues) : IMessageSender
{
    public async Task SendAsync(string queueName, string body, string messageId, CancellationToken cancellationToken) =>
        await queues.Get(queueName).SendMessageAsync(body, cancellationToken);
}
