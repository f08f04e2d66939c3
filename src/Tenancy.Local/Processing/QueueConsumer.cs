using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Tenancy.Core.Common;
using Tenancy.Http.Logging;
using Tenancy.Storage.Queues;

namespace Tenancy.Local.Processing;

/// <summary>
/// Consumes a Storage queue the way the Service Bus trigger does in Azure: a message is completed when its
/// handler is done, set aside on the poison queue with the reason when the handler says it is malformed
/// or after <see cref="QueueRetryOptions.MaxDeliveries"/> failed deliveries (with the last error), and otherwise
/// redelivered after a growing delay (<see cref="QueueRetryOptions"/>).
/// Messages are handled side by side, accounts in turn (<see cref="AccountTurns{T}"/>): one slow message holds one
/// slot, not the batch, and one account's burst never takes every slot (<see cref="ConsumerLimits"/>).
/// </summary>
public sealed class QueueConsumer(
    TenancyQueues queues, string queueName, Func<IServiceProvider, string, CancellationToken, Task<MessageOutcome>> handle,
    IServiceProvider services, QueueRetryOptions retry, ILogger<QueueConsumer> logger) : BackgroundService
{
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
        using var scope = LogScopes.BeginMessage(logger, queueName, message.Body.ToString());
        if (message.InsertedOn is { } inserted) services.GetService<TenancyMetrics>()?.QueueLag(queueName, DateTimeOffset.UtcNow - inserted);
        logger.LogDebug("Handling message {Id} (delivery {Attempt})", message.MessageId, message.DequeueCount);
        MessageOutcome outcome;
        if (message.DequeueCount > retry.MaxDeliveries)
        {
            // Its last deliveries ended without a word (the host stopped, or the handler outlived the lock).
            outcome = MessageOutcome.Poison($"delivered {message.DequeueCount - 1} times without being handled");
        }
        else
        {
            try
            {
                outcome = await handle(services, message.Body.ToString(), cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                if (message.DequeueCount < retry.MaxDeliveries)
                {
                    logger.LogWarning(ex, "Message {Id} on {Queue} failed (attempt {Attempt} of {MaxDeliveries}); it will be retried",
                        message.MessageId, queueName, message.DequeueCount, retry.MaxDeliveries);
                    await queue.UpdateMessageAsync(message.MessageId, message.PopReceipt,
                        visibilityTimeout: retry.RetryDelay(message.DequeueCount), cancellationToken: cancellationToken);
                    return;
                }
                logger.LogWarning(ex, "Message {Id} on {Queue} failed {Attempt} times", message.MessageId, queueName, message.DequeueCount);
                outcome = MessageOutcome.Poison($"handling failed {message.DequeueCount} times; the last error: {ex.GetType().Name}: {ex.Message}");
            }
        }

        if (outcome.IsPoison)
        {
            var record = PoisonRecord.Create(outcome.Reason ?? "", queueName, message.MessageId, message.DequeueCount, DateTimeOffset.UtcNow, message.Body.ToString());
            await queues.Poison(queueName).SendMessageAsync(record, cancellationToken);
            logger.LogWarning("Message {Id} on {Queue} set aside on its poison queue", message.MessageId, queueName);
        }
        await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
    }
}
