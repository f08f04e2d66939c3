using Moq;
using Tenancy.Core.Accounts;

namespace Tenancy.Core.Tests.Accounts;

/// <summary>R1: a key is read from storage at most once per <see cref="AccountService.KeyLifetime"/>, and a revoked key stops reading after it.</summary>
public class KeyCacheTests
{
    private static readonly Account Account = new("acc_1", "Acme", Plan.Msp, DateTimeOffset.UnixEpoch);
    private readonly string _key = ApiKeys.New();
    private readonly Mock<IAccountStore> _store = new();
    private readonly ManualClock _clock = new();

    private AccountService Service() => new(_store.Object, _clock);

    [Fact]
    public async Task Requests_within_the_lifetime_cost_no_storage_call()
    {
        _store.Setup(s => s.FindByApiKeyHashAsync(ApiKeys.Hash(_key), It.IsAny<CancellationToken>())).ReturnsAsync(new KeyHolder(Account, null));
        var service = Service();

        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(Account, (await service.AuthenticateAsync(_key, default))!.Account);
            _clock.Advance(TimeSpan.FromMilliseconds(90));
        }

        _store.Verify(s => s.FindByApiKeyHashAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task A_revoked_key_is_refused_once_the_lifetime_has_passed()
    {
        _store.SetupSequence(s => s.FindByApiKeyHashAsync(ApiKeys.Hash(_key), It.IsAny<CancellationToken>())).ReturnsAsync(new KeyHolder(Account, null)).ReturnsAsync((KeyHolder?)null);
        var service = Service();
        await service.AuthenticateAsync(_key, default);

        _clock.Advance(AccountService.KeyLifetime);

        Assert.Null(await service.AuthenticateAsync(_key, default));
    }

    [Fact]
    public async Task A_key_forgotten_after_a_refused_write_is_read_again_at_once()
    {
        _store.SetupSequence(s => s.FindByApiKeyHashAsync(ApiKeys.Hash(_key), It.IsAny<CancellationToken>())).ReturnsAsync(new KeyHolder(Account, null)).ReturnsAsync((KeyHolder?)null);
        var service = Service();
        var caller = (await service.AuthenticateAsync(_key, default))!;

        service.Forget(caller.KeyHash);

        Assert.Null(await service.AuthenticateAsync(_key, default));
    }

    [Fact]
    public async Task A_key_found_unknown_is_not_looked_up_again_until_its_memory_passes()
    {
        var service = Service();

        for (var i = 0; i < 5; i++) Assert.Null(await service.AuthenticateAsync(_key, default));
        _store.Verify(s => s.FindByApiKeyHashAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Once);

        _clock.Advance(AccountService.UnknownKeyLifetime);
        Assert.Null(await service.AuthenticateAsync(_key, default));
        _store.Verify(s => s.FindByApiKeyHashAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Exactly(2));
    }

    private sealed class ManualClock : TimeProvider
    {
        private DateTimeOffset _now = DateTimeOffset.UnixEpoch;
        public override DateTimeOffset GetUtcNow() => _now;
        public void Advance(TimeSpan by) => _now += by;
    }
}
