using Tenancy.Storage.Tables;

namespace Tenancy.Storage.Tests.Tables;

public class RowKeysTests
{
    [Theory]
    [InlineData("a/b", "a%2Fb")]
    [InlineData("50% #1?", "50%25 %231%3F")]
    [InlineData("x|y\\z", "x%7Cy%5Cz")]
    [InlineData("tab\there", "tab%09here")]
    public void Escapes_characters_table_keys_forbid(string raw, string escaped) =>
        Assert.Equal(escaped, RowKeys.Escape(raw));

    [Fact]
    public void Escaping_keeps_prefixes_as_prefixes() =>
        Assert.StartsWith(RowKeys.Escape("a/b"), RowKeys.Escape("a/b/c"));
}
