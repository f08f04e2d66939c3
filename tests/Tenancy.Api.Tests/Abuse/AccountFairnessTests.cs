using Tenancy.Http.RateLimits;

namespace Tenancy.Api.Tests.Abuse;

/// <summary>
/// Issue 28: one account's burst waits in its own queue, in order, and is refused past it; another account is served
/// at once meanwhile. The limiter alone, with places held by the test, so that nothing depends on timing.
/// </summary>
public class AccountFairnessTests
{
    private static ApiRateLimiter Limiter(int concurrency, int queue, TimeSpan? timeout = null) => new(new RateLimitOptions
    {
        AccountConcurrency = concurrency,
        AccountQueueLimit = queue,
        AccountQueueTimeout = timeout ?? TimeSpan.FromHours(1),
    });

    [Fact]
    public async Task A_busy_accounts_next_request_waits_for_a_free_place_while_another_account_is_served_at_once()
    {
        using var limiter = Limiter(concurrency: 1, queue: 1);
        var (first, _) = await limiter.EnterAccountAsync("acc_a", CancellationToken.None);

        var waiting = limiter.EnterAccountAsync("acc_a", CancellationToken.None);
        var (other, _) = await limiter.EnterAccountAsync("acc_b", CancellationToken.None);

        Assert.NotNull(other);
        Assert.False(waiting.IsCompleted);
        first!.Dispose();
        var (queued, _) = await waiting;
        Assert.NotNull(queued);
        queued!.Dispose();
        other!.Dispose();
    }

    [Fact]
    public async Task Past_its_queue_an_accounts_request_is_refused_with_a_wait()
    {
        using var limiter = Limiter(concurrency: 1, queue: 1);
        var (first, _) = await limiter.EnterAccountAsync("acc_a", CancellationToken.None);
        var waiting = limiter.EnterAccountAsync("acc_a", CancellationToken.None);

        var (refused, retryAfter) = await limiter.EnterAccountAsync("acc_a", CancellationToken.None);

        Assert.Null(refused);
        Assert.True(retryAfter >= TimeSpan.FromSeconds(1));
        first!.Dispose();
        (await waiting).Place!.Dispose();
    }

    [Fact]
    public async Task A_request_that_waited_its_longest_is_refused()
    {
        using var limiter = Limiter(concurrency: 1, queue: 4, timeout: TimeSpan.FromMilliseconds(1));
        var (first, _) = await limiter.EnterAccountAsync("acc_a", CancellationToken.None);

        var (refused, _) = await limiter.EnterAccountAsync("acc_a", CancellationToken.None);

        Assert.Null(refused);
        first!.Dispose();
    }

    [Fact]
    public async Task An_accounts_rate_counts_all_its_keys_together()
    {
        using var limiter = new ApiRateLimiter(new RateLimitOptions { AccountTokenLimit = 2, AccountTokensPerPeriod = 1, ReplenishmentPeriod = TimeSpan.FromHours(1) });

        for (var i = 0; i < 2; i++) (await limiter.EnterAccountAsync("acc_a", CancellationToken.None)).Place!.Dispose();
        var (refused, retryAfter) = await limiter.EnterAccountAsync("acc_a", CancellationToken.None);

        Assert.Null(refused);
        Assert.True(retryAfter > TimeSpan.Zero);
        Assert.NotNull((await limiter.EnterAccountAsync("acc_b", CancellationToken.None)).Place);
    }
}
