using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Tenancy.Core.Accounts;

namespace Tenancy.Http.RateLimits;

/// <summary>
/// One caller cannot starve the others (<see cref="RateLimitOptions"/>). It runs inside the shared handler runner rather
/// than as ASP.NET Core middleware because the Functions host has no ASP.NET Core pipeline; the limiters are the same
/// <see cref="System.Threading.RateLimiting"/> ones that middleware uses. Limits are per instance.
/// </summary>
public sealed class ApiRateLimiter(RateLimitOptions options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _perKey = Buckets(options.TokenLimit, options.TokensPerPeriod, options.ReplenishmentPeriod);
    private readonly PartitionedRateLimiter<string> _perAccount = Buckets(options.AccountTokenLimit, options.AccountTokensPerPeriod, options.ReplenishmentPeriod);
    private readonly PartitionedRateLimiter<string> _failuresPerAddress =
        Buckets(options.FailedAuthenticationLimit, options.FailedAuthenticationsPerPeriod, options.ReplenishmentPeriod);
    private readonly PartitionedRateLimiter<string> _inFlightPerAccount = PartitionedRateLimiter.Create<string, string>(account =>
        RateLimitPartition.GetConcurrencyLimiter(account, _ => new ConcurrencyLimiterOptions
        {
            PermitLimit = options.AccountConcurrency,
            QueueLimit = options.AccountQueueLimit,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        }));

    /// <summary>
    /// Before authentication: refused when the client's address has used up its failed authentications (so that made-up
    /// keys cost no storage call), or the presented key its rate.
    /// </summary>
    public bool TryAcquireUnauthenticated(HttpRequest request, string? apiKey, out TimeSpan retryAfter)
    {
        // Asks whether the address has any failure left, without using one.
        if (_failuresPerAddress.GetStatistics(Address(request)) is { CurrentAvailablePermits: <= 0 })
        {
            retryAfter = options.ReplenishmentPeriod;
            return false;
        }
        if (apiKey is not { Length: > 0 }) return Acquired(out retryAfter);
        using var lease = _perKey.AttemptAcquire("key:" + ApiKeys.Hash(apiKey));
        return lease.IsAcquired ? Acquired(out retryAfter) : Refused(lease, out retryAfter);
    }

    /// <summary>A request whose key was missing or unknown uses one of its address's failures.</summary>
    public void CountFailedAuthentication(HttpRequest request) => _failuresPerAddress.AttemptAcquire(Address(request)).Dispose();

    /// <summary>
    /// After authentication: one of the account's requests, within its rate, handled once one of its in-flight places is
    /// free (waiting at most <see cref="RateLimitOptions.AccountQueueTimeout"/>). Null when refused, with how long to wait;
    /// otherwise the place, to dispose when the request is done.
    /// </summary>
    public async Task<(IDisposable? Place, TimeSpan RetryAfter)> EnterAccountAsync(string accountId, CancellationToken cancellationToken)
    {
        using (var rate = _perAccount.AttemptAcquire(accountId))
            if (!rate.IsAcquired)
            {
                Refused(rate, out var wait);
                return (null, wait);
            }
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.AccountQueueTimeout);
        try
        {
            var place = await _inFlightPerAccount.AcquireAsync(accountId, cancellationToken: timeout.Token);
            if (place.IsAcquired) return (place, TimeSpan.Zero);
            place.Dispose();
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Waited as long as a request may: answered like a full queue.
        }
        return (null, TimeSpan.FromSeconds(1));
    }

    private static PartitionedRateLimiter<string> Buckets(int limit, int perPeriod, TimeSpan period) =>
        PartitionedRateLimiter.Create<string, string>(partition => RateLimitPartition.GetTokenBucketLimiter(partition, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = limit,
            TokensPerPeriod = perPeriod,
            ReplenishmentPeriod = period,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));

    private static string Address(HttpRequest request) => "ip:" + request.HttpContext.Connection.RemoteIpAddress;

    private static bool Acquired(out TimeSpan retryAfter)
    {
        retryAfter = TimeSpan.Zero;
        return true;
    }

    private bool Refused(RateLimitLease lease, out TimeSpan retryAfter)
    {
        retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : options.ReplenishmentPeriod;
        return false;
    }

    public void Dispose()
    {
        _perKey.Dispose();
        _perAccount.Dispose();
        _failuresPerAddress.Dispose();
        _inFlightPerAccount.Dispose();
    }
}
