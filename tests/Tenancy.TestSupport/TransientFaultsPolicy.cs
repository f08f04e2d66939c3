using Azure.Core;
using Azure.Core.Pipeline;

namespace Tenancy.TestSupport;

/// <summary>
/// Makes one storage request in ten fail once, deterministically: half of them lose the connection before reaching
/// storage, the other half lose it after storage did the work (the ambiguous kind, where a retry repeats a write that
/// happened). Only a request's first attempt fails, so the SDK's retries always get through and the test depends on
/// no luck; what it proves is that every write path is right when retried.
/// </summary>
public sealed class TransientFaultsPolicy : HttpPipelinePolicy
{
    private const string Faulted = "tenancy-test-faulted";
    private long _requests;

    public long Injected;

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
        ProcessAsync(message, pipeline, async: false).EnsureCompleted();

    public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
        ProcessAsync(message, pipeline, async: true);

    private async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline, bool async)
    {
        var fault = message.TryGetProperty(Faulted, out _) ? 0 : Interlocked.Increment(ref _requests) % 20;
        if (fault == 1)
        {
            Mark(message);
            throw new IOException("Injected fault: the connection to storage was reset.");
        }
        if (async) await ProcessNextAsync(message, pipeline); else ProcessNext(message, pipeline);
        if (fault == 11)
        {
            Mark(message);
            throw new IOException("Injected fault: the connection to storage was reset after it answered.");
        }
    }

    private void Mark(HttpMessage message)
    {
        message.SetProperty(Faulted, true);
        Interlocked.Increment(ref Injected);
    }
}

internal static class ValueTaskExtensions
{
    public static void EnsureCompleted(this ValueTask task) => task.AsTask().GetAwaiter().GetResult();
}
