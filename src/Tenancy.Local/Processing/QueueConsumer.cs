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
/// Messages are handled side by side, accounts in turn (<see cref="AccountTurns{T}"/>): one slow message holds one
/// slot, not the batch, and one account's burst never takes every slot (<see cref="ConsumerLimits"/>).
/// </summary>
public sealed class QueueConsumer(
    TenancyQueues queues, string queueName, Func<IServiceProvider, string, CancellationToken, Task<MessageOutcome>> handle,
    IServiceProvider services, ILogger<QueueConsumer> logger) : BackgroundService
{
    public const int MaxDeliveries = 5;
    private const int PoisonBodyChars = 8 * 1024;
    private static readonly TimeSpan Lock = TimeSpan.FromSeconds(30);

    private const int MaxPerReceive = 32; // what a Storage queue hands out at most per receive

    /// <summary>Messages handled at once, and at most this many of one account (<see cref="ConsumerLimits"/>).</summary>
    public ConsumerLimits Limits { get; init; } = ConsumerLimits.Default;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var queue = queues.Get(queueName);
        var (maxConcurrent, maxPerAccount) = Limits;
        var turns = new AccountTurns<QueueMessage>(maxConcurrent, maxPerAccount);
        var running = new List<Task>();
        var idle = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // Receive only what can start soon: a message waiting here holds its lock (30 s) without being worked on.
                int waiting;
                lock (turns) waiting = turns.Waiting;
                if (waiting < maxConcurrent)
                {
                    QueueMessage[] messages = await queue.ReceiveMessagesAsync(Math.Min(MaxPerReceive, maxConcurrent), Lock, stoppingToken);
                    lock (turns)
                        foreach (var message in messages) turns.Add(MessageAccount.Of(message.Body.ToString()), message);
                    idle = messages.Length == 0 ? idle + 1 : 0;
                }

                bool busy;
                lock (turns)
                {
                    while (turns.TryStart(out var account, out var next))
                        running.Add(RunAsync(queue, account, next, turns, stoppingToken));
                    busy = turns.Waiting > 0 || turns.Running >= maxConcurrent;
                }
                running.RemoveAll(t => t.IsCompleted);

                if (busy)
                    await Task.WhenAny([.. running, Task.Delay(1000, stoppingToken)]);
                else if (idle > 0)
                    await Task.Delay(Math.Min(50 * idle, 1000), stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Receiving from {Queue} failed; retrying", queueName);
                await Task.Delay(1000, stoppingToken);
            }
        }
        await Task.WhenAll(running);
    }

    private async Task RunAsync(QueueClient queue, string account, QueueMessage message, AccountTurns<QueueMessage> turns, CancellationToken cancellationToken)
    {
        await Task.Yield(); // off the receiving loop
        try
        {
            await ProcessAsync(queue, message, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Settling failed (e.g. the lock expired): the message comes back and is handled again, idempotently.
            logger.LogWarning(ex, "Settling message {Id} on {Queue} failed; it will be delivered again", message.MessageId, queueName);
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            lock (turns) turns.Finished(account);
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
