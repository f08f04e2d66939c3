namespace Tenancy.Core.Common;

/// <summary>Whether the data store answers right now (the readiness health check).</summary>
public interface IStorageProbe
{
    Task<bool> IsReachableAsync(CancellationToken cancellationToken);
}
