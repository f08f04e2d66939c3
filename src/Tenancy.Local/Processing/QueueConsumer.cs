using System.Text.Json;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Tenancy.Core.Common;
using Tenancy.Storage.Queues;

namespace Tenancy.Local.Processing;

/// <summary>
/// Consumes a Storage queue the way the Service Bus trigger does in Azure: a message is completed when its
/// handler is done, set aside on the poison queue with the reason when the handler says it is malformed
/// or after <see cref="MaxDeliveries"/> failed attempts, and otherwise redelivered after its lock expires.
/// </summary>
public sealed class QueueConsumer(
    TenancyQueues queues, string queueName, Func<IServiceProvider, string, CancellationToken, Task<MessageOutcome>> handle,
    IServiceProvider services, ILogger<QueueConsumer> logger) : BackgroundService
{
    public const int MaxDeliveries = 5;
    private const int PoisonBodyChars = 8 * 1024;
    private static readonly TimeSpan Lock = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var queue = queues.Get(queueName);
        var idle = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                QueueMessage[] messages = await queue.ReceiveMessagesAsync(32, Lock, stoppingToken);
                if (messages.Length == 0)
                {
                    await Task.Delay(Math.Min(50 * ++idle, 1000), stoppingToken);
                    continue;
                }
                idle = 0;
                await Parallel.ForEachAsync(messages, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = stoppingToken },
                    async (message, ct) => await ProcessAsync(queue, message, ct));
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Receiving from {Queue} failed; retrying", queueName);
                await Task.Delay(1000, stoppingToken);
            }
        }
    }

    private async Task ProcessAsync(QueueClient queue, QueueMessage message, CancellationToken cancellationToken)
    {
        MessageOutcome outcome;
        try
        {
            outcome = message.DequeueCount > MaxDeliveries
                ? MessageOutcome.Poison($"delivery failed {message.DequeueCount - 1} times")
                : await handle(services, message.Body.ToString(), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Message {Id} on {Queue} failed (attempt {Attempt}); it will be retried", message.MessageId, queueName, message.DequeueCount);
            return;
        }

        if (outcome.IsPoison)
        {
            // The original body is cut so that the record itself fits on a queue.
            var body = message.Body.ToString();
            var record = JsonSerializer.Serialize(new { reason = outcome.Reason, queue = queueName, messageId = message.MessageId,
                dequeueCount = message.DequeueCount, setAsideAt = DateTimeOffset.UtcNow,
                bodyLength = body.Length, body = body.Length > PoisonBodyChars ? body[..PoisonBodyChars] : body });
            await queues.Poison(queueName).SendMessageAsync(record, cancellationToken);
            logger.LogWarning("Message {Id} on {Queue} set aside: {Reason}", message.MessageId, queueName, outcome.Reason);
        }
        await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
    }
}
