using Tenancy.Core.Accounts;

namespace Tenancy.Core.Tests.Accounts;

public class ApiKeysTests
{
    [Fact]
    public void New_keys_are_distinct_and_their_hashes_do_not_contain_them()
    {
        var a = ApiKeys.New();
        var b = ApiKeys.New();

        Assert.NotEqual(a, b);
        Assert.DoesNotContain(a[ApiKeys.Prefix.Length..], ApiKeys.Hash(a));
        Assert.Equal(ApiKeys.Hash(a), ApiKeys.Hash(a));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not-our-key")]
    public void Malformed_keys_are_not_valid(string? key) => Assert.False(ApiKeys.LooksValid(key));
}
