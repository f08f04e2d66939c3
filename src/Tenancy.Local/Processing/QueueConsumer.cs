using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Tenancy.Core.Common;
using Tenancy.Http.Logging;
using Tenancy.Storage.Queues;

namespace Tenancy.Local.Processing;

/// <summary>
/// Handles a batch of messages of one account and calls <c>settle</c> once for each: never for one when the host stops,
/// and <c>settle</c> does not throw. <c>accountSlots</c> is shared by the account's batches running at once
/// (<see cref="ConsumerLimits.InFlightPerAccount"/>): a message holds one while it is settled.
/// </summary>
public delegate Task BatchHandler(IServiceProvider services, IReadOnlyList<QueueMessage> messages,
    Func<QueueMessage, MessageResult, Task> settle, SemaphoreSlim accountSlots, CancellationToken cancellationToken);

/// <summary>
/// Consumes a Storage queue the way the Service Bus trigger does in Azure: a message is completed when its
/// handler is done, set aside on the poison queue with the reason when the handler says it is malformed
/// or after <see cref="QueueRetryOptions.MaxDeliveries"/> failed deliveries (with the last error), and otherwise
/// redelivered after a growing delay (<see cref="QueueRetryOptions"/>); each message on its own, also in a batch.
/// Messages are handled side by side, accounts in turn (<see cref="AccountTurns{T}"/>): one slow message holds one
/// slot, not the batch, and one account's burst never takes every slot (<see cref="ConsumerLimits"/>).
/// </summary>
public sealed class QueueConsumer(
    TenancyQueues queues, string queueName, BatchHandler handleBatch,
    IServiceProvider services, QueueRetryOptions retry, ILogger<QueueConsumer> logger) : BackgroundService
{
    private static readonly TimeSpan Lock = TimeSpan.FromSeconds(30);

    private const int MaxPerReceive = 32; // what a Storage queue hands out at most per receive

    /// <summary>A consumer whose handler takes one message at a time.</summary>
    public QueueConsumer(TenancyQueues queues, string queueName, Func<IServiceProvider, string, CancellationToken, Task<MessageOutcome>> handle,
        IServiceProvider services, QueueRetryOptions retry, ILogger<QueueConsumer> logger)
        : this(queues, queueName, OneByOne(handle), services, retry, logger)
    {
    }

    /// <summary>Messages handled at once, and at most this many of one account (<see cref="ConsumerLimits"/>).</summary>
    public ConsumerLimits Limits { get; init; } = ConsumerLimits.Default;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var queue = queues.Get(queueName);
        var limits = Limits;
        var turns = new AccountTurns<QueueMessage>(limits.MaxConcurrent, limits.MaxConcurrentPerAccount);
        var slots = new Dictionary<string, SemaphoreSlim>(StringComparer.Ordinal); // per account with a batch running, under turns' lock
        var running = new List<Task>();
        var idle = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // Receive only what can start soon: a message waiting here holds its lock (30 s) without being worked on.
                int waiting;
                lock (turns) waiting = turns.Waiting;
                if (waiting < limits.MaxConcurrent)
                {
                    QueueMessage[] messages = await queue.ReceiveMessagesAsync(Math.Min(MaxPerReceive, limits.MaxConcurrent), Lock, stoppingToken);
                    lock (turns)
                        foreach (var message in messages) turns.Add(MessageAccount.Of(message.Body.ToString()), message);
                    idle = messages.Length == 0 ? idle + 1 : 0;
                }

                bool busy;
                lock (turns)
                {
                    while (turns.TryStartBatch(limits.MaxBatch, out var account, out var batch))
                    {
                        if (!slots.TryGetValue(account, out var accountSlots))
                            slots[account] = accountSlots = new SemaphoreSlim(limits.InFlightPerAccount);
                        running.Add(RunAsync(queue, account, batch, turns, slots, stoppingToken));
                    }
                    busy = turns.Waiting > 0 || turns.Running >= limits.MaxConcurrent;
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

    private async Task RunAsync(QueueClient queue, string account, List<QueueMessage> batch, AccountTurns<QueueMessage> turns,
        Dictionary<string, SemaphoreSlim> slots, CancellationToken cancellationToken)
    {
        await Task.Yield(); // off the receiving loop
        try
        {
            var handled = new List<QueueMessage>(batch.Count);
            foreach (var message in batch)
            {
                // Its last deliveries ended without a word (the host stopped, or the handler outlived the lock).
                if (message.DequeueCount > retry.MaxDeliveries)
                    await SettleAsync(queue, message, MessageResult.Of(MessageOutcome.Poison($"delivered {message.DequeueCount - 1} times without being handled")), cancellationToken);
                else
                    handled.Add(message);
            }
            foreach (var message in handled) Starting(message);
            if (handled.Count == 0) return;

            // A message handled alone keeps its scope on everything its handler logs; in a batch, each one's settling has it.
            using var scope = handled.Count == 1 ? LogScopes.BeginMessage(logger, queueName, handled[0].Body.ToString()) : null;
            SemaphoreSlim accountSlots;
            lock (turns) accountSlots = slots[account];
            await handleBatch(services, handled, (message, result) => SettleAsync(queue, message, result, cancellationToken), accountSlots, cancellationToken);
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception ex)
        {
            // The handler broke its word: its unsettled messages come back after their lock, and are handled again.
            logger.LogWarning(ex, "Handling a batch of {Count} messages on {Queue} failed; they will be delivered again", batch.Count, queueName);
        }
        finally
        {
            lock (turns)
            {
                turns.Finished(account, batch.Count);
                // An account's slots live while it has a batch running: made-up account ids cannot grow the map.
                if (!turns.IsRunning(account) && slots.Remove(account, out var idle)) idle.Dispose();
            }
        }
    }

    private void Starting(QueueMessage message)
    {
        using var scope = LogScopes.BeginMessage(logger, queueName, message.Body.ToString());
        if (message.InsertedOn is { } inserted) services.GetService<TenancyMetrics>()?.QueueLag(queueName, DateTimeOffset.UtcNow - inserted);
        logger.LogDebug("Handling message {Id} (delivery {Attempt})", message.MessageId, message.DequeueCount);
    }

    /// <summary>Completes, sets aside, or makes the message come back later, as its result says; throws only when the host stops.</summary>
    private async Task SettleAsync(QueueClient queue, QueueMessage message, MessageResult result, CancellationToken cancellationToken)
    {
        using var scope = LogScopes.BeginMessage(logger, queueName, message.Body.ToString());
        try
        {
            var outcome = result.Outcome;
            if (result.Error is { } ex)
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

            if (outcome!.IsPoison)
            {
                var record = PoisonRecord.Create(outcome.Reason ?? "", queueName, message.MessageId, message.DequeueCount, DateTimeOffset.UtcNow, message.Body.ToString());
                await queues.Poison(queueName).SendMessageAsync(record, visibilityTimeout: null,
                    timeToLive: TimeSpan.FromDays(retry.PoisonRetentionDays), cancellationToken);
                logger.LogWarning("Message {Id} on {Queue} set aside on its poison queue", message.MessageId, queueName);
            }
            await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Settling failed (e.g. the lock expired): the message comes back and is handled again, idempotently.
            logger.LogWarning(ex, "Settling message {Id} on {Queue} failed; it will be delivered again", message.MessageId, queueName);
        }
    }

    private static BatchHandler OneByOne(Func<IServiceProvider, string, CancellationToken, Task<MessageOutcome>> handle) =>
        (services, messages, settle, _, cancellationToken) => Task.WhenAll(messages.Select(async message =>
        {
            MessageResult result;
            try
            {
                result = MessageResult.Of(await handle(services, message.Body.ToString(), cancellationToken));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                result = MessageResult.Failed(ex);
            }
            await settle(message, result);
        }));
}
