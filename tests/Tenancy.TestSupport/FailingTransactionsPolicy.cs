using Azure.Core;
using Azure.Core.Pipeline;

namespace Tenancy.TestSupport;

/// <summary>Simulates a crash: lets <paramref name="allowed"/> table transactions through, then fails every later one.</summary>
public sealed class FailingTransactionsPolicy(int allowed) : HttpPipelineSynchronousPolicy
{
    private int _seen;

    public override void OnSendingRequest(HttpMessage message)
    {
        if (message.Request.Uri.Path.EndsWith("$batch", StringComparison.Ordinal) && Interlocked.Increment(ref _seen) > allowed)
            throw new IOException("Simulated crash: the connection to storage was lost.");
    }
}
