using Azure.Core;
using Azure.Core.Pipeline;

namespace Tenancy.Benchmarks;

/// <summary>
/// Adds a fixed delay to every storage request, before it is sent: against Azure a storage call is mostly network
/// time, during which the caller's other calls proceed, whereas a local Azurite answers at once or queues them.
/// </summary>
public sealed class StorageDelayPolicy(TimeSpan delay) : HttpPipelinePolicy
{
    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Thread.Sleep(delay);
        ProcessNext(message, pipeline);
    }

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        await Task.Delay(delay, message.CancellationToken);
        await ProcessNextAsync(message, pipeline);
    }
}
