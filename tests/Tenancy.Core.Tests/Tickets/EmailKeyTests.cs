using Tenancy.Core.Tickets;

namespace Tenancy.Core.Tests.Tickets;

public class EmailKeyTests
{
    [Theory]
    [InlineData("john.doe@contoso.com", "john.doe@contoso.com")]
    [InlineData("John.Doe@Contoso.COM", "john.doe@contoso.com")]
    [InlineData("john.doe+tickets@contoso.com", "john.doe@contoso.com")]
    [InlineData("john.doe+a+b@contoso.com", "john.doe@contoso.com")]
    [InlineData("\"Doe, John\" <John.Doe+tickets@EU.Contoso.COM>", "john.doe@eu.contoso.com")]
    [InlineData("jörg@münchen.de", "jörg@xn--mnchen-3ya.de")]
    public void Lower_cases_and_drops_the_plus_tag(string address, string key) =>
        Assert.Equal(key, EmailKey.For(address));

    [Fact]
    public void Keeps_a_local_part_that_is_only_a_tag() =>
        Assert.Equal("+tickets@contoso.com", EmailKey.For("+tickets@contoso.com"));

    [Fact]
    public void Keeps_dots_in_the_local_part() =>
        Assert.NotEqual(EmailKey.For("john.doe@contoso.com"), EmailKey.For("johndoe@contoso.com"));

    [Fact]
    public void Unifies_composed_and_decomposed_accents() =>
        Assert.Equal(EmailKey.For("ren\u00e9@contoso.com"), EmailKey.For("rene\u0301@contoso.com"));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not an address")]
    [InlineData("john@localhost")]
    public void Is_null_for_what_is_not_an_address(string? address) =>
        Assert.Null(EmailKey.For(address));

    [Fact]
    public void Contact_email_and_sender_address_give_the_same_key()
    {
        Assert.True(SenderAddress.TryParse("\"Doe, John\" <John.Doe+support@Contoso.com>", out var sender, out _));
        Assert.Equal(EmailKey.For("john.doe@contoso.com"), sender.Key);
    }
}
