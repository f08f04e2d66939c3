using Azure;
using Tenancy.Core.Common;

namespace Tenancy.Storage.Setup;

/// <summary>Storage that did not answer, even after the SDK's retries: throttled, timed out, down or unreachable.</summary>
public sealed class StorageFaults : IStorageFaults
{
    public bool IsUnavailable(Exception exception) =>
        exception is RequestFailedException { Status: 0 or 408 or 429 or 500 or 503 };
}
