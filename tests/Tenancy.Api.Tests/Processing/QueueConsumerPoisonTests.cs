using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Azure.Storage.Queues;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Tenancy.Core.Common;
using Tenancy.Local.Processing;
using Tenancy.Storage.Queues;
using Tenancy.TestSupport;

namespace Tenancy.Api.Tests.Processing;

/// <summary>
/// The local consumer ends what Service Bus ends in Azure: a message that always throws is delivered a bounded number
/// of times and then set aside on the poison queue with the last error, and a poison record always fits on its queue.
/// </summary>
[Collection(LocalHostCollection.Name)]
public class QueueConsumerPoisonTests(LocalHostFixture host)
{
    private async Task<(TenancyQueues Queues, string Name)> FreshQueueAsync()
    {
        var queues = new TenancyQueues(new QueueServiceClient(host.Azurite.ConnectionString));
        var name = "test-" + Guid.NewGuid().ToString("N")[..20];
        await queues.Get(name).CreateAsync();
        await queues.Poison(name).CreateAsync();
        return (queues, name);
    }

    private static Task<JsonObject> RunUntilPoisonedAsync(TenancyQueues queues, string name, QueueRetryOptions retry,
        Func<IServiceProvider, string, CancellationToken, Task<MessageOutcome>> handle) =>
        RunUntilPoisonedAsync(queues, new QueueConsumer(queues, name, handle, new ServiceCollection().BuildServiceProvider(), retry, NullLogger<QueueConsumer>.Instance), name);

    private static async Task<JsonObject> RunUntilPoisonedAsync(TenancyQueues queues, QueueConsumer created, string name)
    {
        using var consumer = created;
        await consumer.StartAsync(CancellationToken.None);
        try
        {
            for (var i = 0; i < 600; i++)
            {
                var peeked = (await queues.Poison(name).PeekMessagesAsync(1)).Value;
                if (peeked.Length > 0) return JsonNode.Parse(peeked[0].Body.ToString())!.AsObject();
                await Task.Delay(100);
            }
            throw new TimeoutException("nothing reached the poison queue");
        }
        finally
        {
            await consumer.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task A_poison_record_expires_after_the_configured_retention()
    {
        var (queues, name) = await FreshQueueAsync();
        await queues.Get(name).SendMessageAsync("{\"accountId\":\"acc_poison\"}");

        await RunUntilPoisonedAsync(queues, name, new QueueRetryOptions { MaxDeliveries = 1, FirstRetryDelay = TimeSpan.Zero, PoisonRetentionDays = 3 },
            (_, _, _) => Task.FromResult(MessageOutcome.Poison("refused")));

        var record = (await queues.Poison(name).PeekMessagesAsync(1)).Value.Single();
        Assert.InRange((record.ExpiresOn - record.InsertedOn)!.Value, TimeSpan.FromDays(3) - TimeSpan.FromSeconds(2), TimeSpan.FromDays(3) + TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task A_message_that_always_throws_is_set_aside_after_the_configured_deliveries_with_the_last_error()
    {
        var (queues, name) = await FreshQueueAsync();
        await queues.Get(name).SendMessageAsync("{\"accountId\":\"acc_throws\"}");
        var calls = 0;

        var record = await RunUntilPoisonedAsync(queues, name, new QueueRetryOptions { MaxDeliveries = 3, FirstRetryDelay = TimeSpan.Zero },
            (_, _, _) =>
            {
                Interlocked.Increment(ref calls);
                throw new InvalidOperationException("printer on fire");
            });

        Assert.Equal(3, calls);
        Assert.Contains("3 times", (string)record["reason"]!);
        Assert.Contains("printer on fire", (string)record["reason"]!);
        Assert.Equal("{\"accountId\":\"acc_throws\"}", (string?)record["body"]);
        Assert.Empty((await queues.Get(name).PeekMessagesAsync(1)).Value);
    }

    [Fact]
    public async Task In_a_batch_a_message_that_always_fails_is_retried_and_set_aside_on_its_own_and_the_others_are_completed_once()
    {
        var (queues, name) = await FreshQueueAsync();
        foreach (var body in new[] { "ok-1", "fails", "ok-2" })
            await queues.Get(name).SendMessageAsync("{\"accountId\":\"acc_batch\",\"ticketId\":\"" + body + "\"}");
        var handled = new ConcurrentDictionary<string, int>();
        var batches = new ConcurrentBag<int>();
        BatchHandler handle = async (_, messages, settle, _, _) =>
        {
            batches.Add(messages.Count);
            foreach (var message in messages)
            {
                var body = message.Body.ToString();
                handled.AddOrUpdate(body, 1, (_, n) => n + 1);
                await settle(message, body.Contains("fails")
                    ? MessageResult.Failed(new InvalidOperationException("printer on fire"))
                    : MessageResult.Of(MessageOutcome.Done));
            }
        };
        var retry = new QueueRetryOptions { MaxDeliveries = 3, FirstRetryDelay = TimeSpan.Zero };

        var record = await RunUntilPoisonedAsync(queues, new QueueConsumer(queues, name, handle, new ServiceCollection().BuildServiceProvider(), retry,
            NullLogger<QueueConsumer>.Instance) { Limits = ConsumerLimits.Tickets }, name);

        Assert.Contains("fails", (string?)record["body"]);
        Assert.Contains("3 times", (string)record["reason"]!);
        Assert.Contains("printer on fire", (string)record["reason"]!);
        Assert.Equal(3, handled.Single(h => h.Key.Contains("fails")).Value);
        Assert.All(handled.Where(h => h.Key.Contains("ok-")), h => Assert.Equal(1, h.Value));
        Assert.Equal(2, handled.Count(h => h.Key.Contains("ok-")));
        Assert.Empty((await queues.Get(name).PeekMessagesAsync(1)).Value);
    }

    [Fact]
    public async Task A_poison_record_fits_its_queue_however_long_the_reason_and_the_body()
    {
        var (queues, name) = await FreshQueueAsync();
        // '<' is the worst case: JSON escapes it as six characters.
        var body = new string('<', 60_000);
        await queues.Get(name).SendMessageAsync(body);

        var record = await RunUntilPoisonedAsync(queues, name, new QueueRetryOptions(),
            (_, _, _) => Task.FromResult(MessageOutcome.Poison(new string('"', 100_000))));

        Assert.Equal(PoisonRecord.MaxReasonChars, ((string)record["reason"]!).Length);
        Assert.Equal(PoisonRecord.MaxBodyChars, ((string)record["body"]!).Length);
        Assert.Equal(60_000, (int)record["bodyLength"]!);
        Assert.Empty((await queues.Get(name).PeekMessagesAsync(1)).Value);
    }
}
