using Tenancy.Core.Common;
using Tenancy.Core.Imports;
using Tenancy.Core.Tickets;
using Tenancy.Storage.Queues;

namespace Tenancy.Local.Processing;

/// <summary>The local stand-ins for the Functions triggers: Storage queue consumers over the same handlers.</summary>
public static class LocalProcessing
{
    public static IServiceCollection AddLocalProcessing(this IServiceCollection services, IConfiguration configuration)
    {
        // Read when first needed: a host may still add settings after this call.
        services.AddSingleton(_ => configuration.GetSection(QueueRetryOptions.Section).Get<QueueRetryOptions>() ?? new QueueRetryOptions());
        services.AddSingleton<IMessageSender, StorageQueueSender>();
        services.AddConsumer(IncomingTicket.QueueName, ConsumerLimits.Tickets, (s, messages, settle, slots, ct) =>
            s.GetRequiredService<TicketIntake>().HandleBatchAsync(messages, m => m.Body.ToString(), settle, slots, ct));
        services.AddConsumer(ImportChunk.QueueName, ConsumerLimits.Default, (s, body, ct) => s.GetRequiredService<ImportProcessor>().HandleChunkAsync(body, ct));
        services.AddHostedService<BlobPoller>();
        services.AddHostedService<RetentionTimer>();
        return services;
    }

    private static void AddConsumer(this IServiceCollection services, string queueName, ConsumerLimits limits,
        Func<IServiceProvider, string, CancellationToken, Task<MessageOutcome>> handle) =>
        services.AddSingleton<IHostedService>(sp => new QueueConsumer(sp.GetRequiredService<TenancyQueues>(), queueName, handle, sp,
            sp.GetRequiredService<QueueRetryOptions>(), sp.GetRequiredService<ILogger<QueueConsumer>>()) { Limits = limits });

    private static void AddConsumer(this IServiceCollection services, string queueName, ConsumerLimits limits, BatchHandler handleBatch) =>
        services.AddSingleton<IHostedService>(sp => new QueueConsumer(sp.GetRequiredService<TenancyQueues>(), queueName, handleBatch, sp,
            sp.GetRequiredService<QueueRetryOptions>(), sp.GetRequiredService<ILogger<QueueConsumer>>()) { Limits = limits });
}
