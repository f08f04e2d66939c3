using Azure.Storage.Queues;

namespace Tenancy.Storage.Queues;

/// <summary>The Storage queues that stand in for Service Bus on the local host, with their poison queues.</summary>
public sealed class TenancyQueues(QueueServiceClient service)
{
    public const string PoisonSuffix = "-poison";

    public static readonly string[] Names = ["tenant-import-chunks", "incoming-tickets", "ticket-assignments"];

    public QueueClient Get(string name) => service.GetQueueClient(name);

    public QueueClient Poison(string name) => service.GetQueueClient(name + PoisonSuffix);

    public async Task CreateIfNotExistsAsync(CancellationToken cancellationToken)
    {
        foreach (var name in Names)
        {
            await Get(name).CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            await Poison(name).CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        }
    }
}
