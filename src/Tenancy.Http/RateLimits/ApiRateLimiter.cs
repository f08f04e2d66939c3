using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Tenancy.Core.Accounts;

namespace Tenancy.Http.RateLimits;

/// <summary>
/// One caller cannot starve the others: each API key has its own token bucket. It runs inside the shared handler
/// runner rather than as ASP.NET Core middleware because the Functions host has no ASP.NET Core pipeline; it is the
/// same <see cref="System.Threading.RateLimiting"/> limiter that middleware uses. Limits are per instance.
/// </summary>
public sealed class ApiRateLimiter(RateLimitOptions options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(key =>
        RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = options.TokenLimit,
            TokensPerPeriod = options.TokensPerPeriod,
            ReplenishmentPeriod = options.ReplenishmentPeriod,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));

    /// <summary>Takes one request's permit; when there is none, how long to wait before the next one.</summary>
    public bool TryAcquire(HttpRequest request, string? apiKey, out TimeSpan retryAfter)
    {
        using var lease = _limiter.AttemptAcquire(Partition(request, apiKey));
        retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : options.ReplenishmentPeriod;
        return lease.IsAcquired;
    }

    // Keys are hashed (as they are stored) so that no secret is kept as a dictionary key longer than the request.
    private static string Partition(HttpRequest request, string? apiKey) => apiKey is { Length: > 0 }
        ? "key:" + ApiKeys.Hash(apiKey)
        : "ip:" + request.HttpContext.Connection.RemoteIpAddress;

    public void Dispose() => _limiter.Dispose();
}
