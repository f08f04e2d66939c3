namespace Tenancy.Http.RateLimits;

/// <summary>
/// Request limits of one instance (section <c>TENANCY_RATELIMIT</c>), each a <see cref="System.Threading.RateLimiting"/>
/// limiter: a token bucket per API key, a token bucket per account (all its keys and agents together), a bound on the
/// requests of one account in flight (with a short queue), and a token bucket of failed authentications per client
/// address. The defaults leave a busy account's steady use (tens of requests a second on a few connections) untouched.
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "TENANCY_RATELIMIT";

    /// <summary>Per API key: bursts of this many requests…</summary>
    public int TokenLimit { get; set; } = 600;
    /// <summary>…refilled by this many each <see cref="ReplenishmentPeriod"/>.</summary>
    public int TokensPerPeriod { get; set; } = 100;
    public TimeSpan ReplenishmentPeriod { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Per account, all its keys together: more keys do not give more rate.</summary>
    public int AccountTokenLimit { get; set; } = 600;
    public int AccountTokensPerPeriod { get; set; } = 100;

    /// <summary>Requests of one account handled at once; more wait in a queue, in order, so that a burst does not delay other accounts.</summary>
    public int AccountConcurrency { get; set; } = 8;
    /// <summary>Requests of one account that may wait; past it, 429.</summary>
    public int AccountQueueLimit { get; set; } = 256;
    /// <summary>The longest a request waits in its account's queue before it is answered 429.</summary>
    public TimeSpan AccountQueueTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Per client address, requests whose key is missing or unknown: bursts of this many…</summary>
    public int FailedAuthenticationLimit { get; set; } = 100;
    /// <summary>…refilled by this many each <see cref="ReplenishmentPeriod"/>. A made-up key past it is refused before any storage call.</summary>
    public int FailedAuthenticationsPerPeriod { get; set; } = 20;
}
