using Azure.Data.Tables;
using Tenancy.Core.Common;
using Tenancy.Core.Signatures;
using Tenancy.Storage.Signatures;
using Tenancy.Storage.Tables;
using Tenancy.TestSupport;

namespace Tenancy.Storage.Tests.Signatures;

/// <summary>Signing keys on Azurite: a key's row round-trips, a stale write is refused, and a nonce is accepted once whoever races for it.</summary>
[Collection(AzuriteCollection.Name)]
public class TableSigningKeyStoreTests(AzuriteFixture azurite)
{
    private readonly string _account = AzuriteFixture.NewAccountId();

    private TableSigningKeyStore Store() => new(new TenancyTables(new TableServiceClient(azurite.ConnectionString)));

    private static SigningKey Key(string agentId) => new(Ids.New("sk"), agentId, "Laptop", """{"kty":"EC"}""", "fp-" + agentId,
        SigningKeyStatus.Pending, DateTimeOffset.UtcNow);

    [Fact]
    public async Task Keys_are_found_by_id_and_listed_per_agent()
    {
        var store = Store();
        var mine = Key("agt_a");
        await store.CreateAsync(_account, mine, default);
        await store.CreateAsync(_account, Key("agt_b"), default);

        var found = await store.FindAsync(_account, mine.Id, default);

        Assert.Equal((mine.Id, "agt_a", "Laptop", SigningKeyStatus.Pending), (found!.Id, found.AgentId, found.Name, found.Status));
        Assert.Equal([mine.Id], (await store.ListForAgentAsync(_account, "agt_a", default)).Select(k => k.Id));
        Assert.Null(await store.FindAsync(_account, "sk_missing", default));
        Assert.Null(await store.FindAsync(_account, "not an id'", default));
    }

    [Fact]
    public async Task A_write_from_a_stale_read_is_refused()
    {
        var store = Store();
        var key = Key("agt_a");
        await store.CreateAsync(_account, key, default);
        var read = (await store.FindAsync(_account, key.Id, default))!;

        var approved = await store.ReplaceAsync(_account, read with { Status = SigningKeyStatus.Approved, ApprovedBy = "account" }, default);

        await Assert.ThrowsAsync<ConcurrencyException>(() => store.ReplaceAsync(_account, read with { Status = SigningKeyStatus.Revoked }, default));
        Assert.Equal(SigningKeyStatus.Approved, (await store.FindAsync(_account, key.Id, default))!.Status);
        Assert.NotEqual(read.ETag, approved.ETag);
    }

    [Fact]
    public async Task Of_many_concurrent_uses_of_one_nonce_exactly_one_is_accepted()
    {
        var stores = Enumerable.Range(0, 4).Select(_ => Store()).ToList();
        var expires = DateTimeOffset.UtcNow.AddMinutes(5);

        var results = await Task.WhenAll(Enumerable.Range(0, 32).Select(i =>
            stores[i % stores.Count].TryUseNonceAsync(_account, "sk_1", "nonce with spaces/and'quotes", expires, default)));

        Assert.Single(results, accepted => accepted);
        Assert.True(await Store().TryUseNonceAsync(_account, "sk_2", "nonce with spaces/and'quotes", expires, default));
    }
}
