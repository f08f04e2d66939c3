namespace Tenancy.Http.RateLimits;

/// <summary>
/// Per-key request limits (section <c>TENANCY_RATELIMIT</c>): a token bucket per API key (per client address without
/// one). Generous by default, 100 requests a second with bursts of 600, so that only a runaway caller meets them.
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "TENANCY_RATELIMIT";

    public int TokenLimit { get; set; } = 600;
    public int TokensPerPeriod { get; set; } = 100;
    public TimeSpan ReplenishmentPeriod { get; set; } = TimeSpan.FromSeconds(1);
}
