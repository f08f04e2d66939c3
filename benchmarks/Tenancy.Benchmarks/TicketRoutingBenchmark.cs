using System.Diagnostics;
using System.Text.Json;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Tenancy.Core.Contacts;
using Tenancy.Core.Tenants;
using Tenancy.Local.Processing;
using Tenancy.Storage.Queues;

namespace Tenancy.Benchmarks;

/// <summary>
/// Tickets per second through the local <c>incoming-tickets</c> consumer, next to the raw receive+delete
/// speed of a Storage queue on the same Azurite in the same run.
/// </summary>
public static class TicketRoutingBenchmark
{
    /// <summary>With Storage queues a ticket needs at least a publish and a delete, and its share of a receive.</summary>
    private const double FloorCallsPerTicket = 2.03;

    public static async Task RunAsync(int count, StoreSetup store, SideBySide figures)
    {
        await using var host = await BenchmarkHost.StartAsync(store: store);
        var endpoints = host.Azurite.Endpoints;
        using var calls = new StorageCallCounter(new Dictionary<int, string> { [endpoints.TablePort] = "table", [endpoints.QueuePort] = "queue" });
        var (accountId, _) = await host.AccountAsync();
        var queues = host.App.Services.GetRequiredService<TenancyQueues>();
        var tenantService = host.App.Services.GetRequiredService<TenantService>();

        const int tenants = 100;
        for (var i = 0; i < tenants; i++)
            await tenantService.CreateAsync(accountId, new NewTenantRequest($"Bench {i}",
                null, [new ContactFields("Ann", null, $"ann@bench{i}.com", null, null, null, null)], Domains: [$"bench{i}.com"]),
                TenantOrigin.Console, CancellationToken.None);

        var raw = await RawReceiveDeleteAsync(queues.Get("bench-raw"), count, calls);
        var rawCalls = calls.Take();

        var incoming = queues.Get("incoming-tickets");
        await EnqueueAsync(incoming, count, i => JsonSerializer.Serialize(new
        {
            accountId, ticketId = $"T{i:D7}", senderAuthentication = "pass",
            from = (i % 3) switch { 0 => $"ann@bench{i % tenants}.com", 1 => $"x@eu.bench{i % tenants}.com", _ => $"y@unknown{i}.org" },
        }));

        calls.Take();
        var watch = Stopwatch.StartNew();
        await host.App.StartAsync();
        var assignments = queues.Get("ticket-assignments");
        while ((await assignments.GetPropertiesAsync()).Value.ApproximateMessagesCount < count)
            await Task.Delay(20);
        var routed = count / watch.Elapsed.TotalSeconds;
        // The last deletes may still be on their way: count them too.
        for (var i = 0; i < 100 && (await incoming.GetPropertiesAsync()).Value.ApproximateMessagesCount > 0; i++)
            await Task.Delay(100);
        var routedCalls = calls.Take();

        Console.WriteLine($"ticket routing: {count} tickets, {tenants} tenants");
        Console.WriteLine($"  raw queue receive+delete : {raw,10:F0} msg/s");
        Console.WriteLine($"  tickets routed end to end: {routed,10:F0} tickets/s");
        Console.WriteLine($"  ratio (routed / raw)     : {routed / raw,10:F2}");
        Print("raw, storage calls per message", rawCalls, count);
        var perTicket = Print("routed, storage calls per ticket", routedCalls, count);
        Console.WriteLine($"  against the floor of {FloorCallsPerTicket:F2} (a publish, a delete and a share of a receive): {perTicket / FloorCallsPerTicket:F2}×");
        figures.Add("tickets routed per second", store, routed);
        figures.Add("storage calls per ticket (floor 2.03)", store, perTicket);
    }

    private static double Print(string title, IReadOnlyDictionary<string, int> calls, int count)
    {
        // The benchmark's own polling of queue lengths is not the work measured.
        var work = calls.Where(c => !c.Key.Contains("comp=metadata", StringComparison.Ordinal)).ToList();
        Console.WriteLine($"  {title}: {work.Sum(c => c.Value) / (double)count:F2}");
        foreach (var (kind, n) in work)
            Console.WriteLine($"    {kind,-24} {n / (double)count,6:F3}");
        return work.Sum(c => c.Value) / (double)count;
    }

    /// <summary>
    /// The baseline: receive in batches as large as the ticket consumer's and delete, nothing else, with as many deletes
    /// in flight as the consumer settles tickets of one account at once (all the benchmark's tickets are of one account),
    /// receiving again as soon as there is room, as the consumer does.
    /// </summary>
    private static async Task<double> RawReceiveDeleteAsync(QueueClient queue, int count, StorageCallCounter calls)
    {
        await queue.CreateIfNotExistsAsync();
        await EnqueueAsync(queue, count, i => JsonSerializer.Serialize(new { ticketId = $"R{i}", from = "raw@example.com" }));
        calls.Take();
        var inFlight = ConsumerLimits.Tickets.InFlightPerAccount;
        using var slots = new SemaphoreSlim(inFlight);
        var deletes = new List<Task>();
        var watch = Stopwatch.StartNew();
        var received = 0;
        while (received < count)
        {
            var messages = (await queue.ReceiveMessagesAsync(Math.Min(32, ConsumerLimits.Tickets.MaxBatch), TimeSpan.FromSeconds(30))).Value;
            foreach (var message in messages)
            {
                await slots.WaitAsync();
                deletes.Add(DeleteAsync(message));
            }
            received += messages.Length;
        }
        await Task.WhenAll(deletes);
        return count / watch.Elapsed.TotalSeconds;

        async Task DeleteAsync(QueueMessage message)
        {
            try
            {
                await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
            }
            finally
            {
                slots.Release();
            }
        }
    }

    private static Task EnqueueAsync(QueueClient queue, int count, Func<int, string> body) =>
        Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 16 },
            async (i, ct) => await queue.SendMessageAsync(body(i), ct));
}
