using Tenancy.Core.Tickets;

namespace Tenancy.Core.Tests.Tickets;

public class SenderAddressTests
{
    [Fact]
    public void Parses_a_quoted_display_name_with_a_comma()
    {
        Assert.True(SenderAddress.TryParse("\"Doe, John\" <John.Doe+tickets@EU.Contoso.COM>", out var address, out var error), error);
        Assert.Equal(new SenderAddress("Doe, John", "John.Doe+tickets", "eu.contoso.com"), address);
        Assert.Equal("john.doe@eu.contoso.com", address.Key);
    }

    [Theory]
    [InlineData("john@contoso.com")]
    [InlineData("<john@contoso.com>")]
    [InlineData("  john@contoso.com  ")]
    [InlineData("John <john@contoso.com>")]
    [InlineData("\"John\" <john@contoso.com>")]
    [InlineData("john@contoso.com (John)")]
    [InlineData("=?utf-8?q?J=C3=B6rg?= <john@contoso.com>")]
    [InlineData("JOHN@CONTOSO.COM")]
    [InlineData("john@contoso.com.")]
    public void Reads_the_address_in_every_usual_form(string from)
    {
        Assert.True(SenderAddress.TryParse(from, out var address, out var error), error);
        Assert.Equal("john@contoso.com", address.Key);
    }

    [Fact]
    public void Keeps_the_decoded_display_name()
    {
        Assert.True(SenderAddress.TryParse("=?utf-8?q?J=C3=B6rg_M=C3=BCller?= <jm@contoso.com>", out var address, out _));
        Assert.Equal("Jörg Müller", address.DisplayName);
    }

    [Fact]
    public void Has_no_display_name_for_a_bare_address()
    {
        Assert.True(SenderAddress.TryParse("john@contoso.com", out var address, out _));
        Assert.Null(address.DisplayName);
    }

    [Fact]
    public void Unquotes_a_quoted_local_part()
    {
        Assert.True(SenderAddress.TryParse("\"John.Doe\"@contoso.com", out var address, out _));
        Assert.Equal("John.Doe", address.LocalPart);
        Assert.Equal("john.doe@contoso.com", address.Key);
    }

    [Fact]
    public void Keeps_spaces_inside_a_quoted_local_part()
    {
        Assert.True(SenderAddress.TryParse("\"John Doe\"@contoso.com", out var address, out _));
        Assert.Equal("john doe@contoso.com", address.Key);
    }

    [Theory]
    [InlineData("jörg@münchen.de", "jörg@xn--mnchen-3ya.de")]
    [InlineData("Jörg <JÖRG@MÜNCHEN.DE>", "jörg@xn--mnchen-3ya.de")]
    [InlineData("jorg@xn--mnchen-3ya.de", "jorg@xn--mnchen-3ya.de")]
    [InlineData("info@ÉCOLE.fr", "info@xn--cole-9oa.fr")]
    public void Converts_internationalised_domains_to_ascii(string from, string key)
    {
        Assert.True(SenderAddress.TryParse(from, out var address, out var error), error);
        Assert.Equal(key, address.Key);
    }

    [Theory]
    [InlineData(null, "The address is empty.")]
    [InlineData("", "The address is empty.")]
    [InlineData("   ", "The address is empty.")]
    [InlineData("john", "'john' is not a parseable email address.")]
    [InlineData("john@", "'john@' is not a parseable email address.")]
    [InlineData("@contoso.com", "'@contoso.com' is not a parseable email address.")]
    [InlineData("john@@contoso.com", "'john@@contoso.com' is not a parseable email address.")]
    [InlineData("john..doe@contoso.com", "'john..doe@contoso.com' is not a parseable email address.")]
    [InlineData("a@contoso.com, b@contoso.com", "'a@contoso.com, b@contoso.com' holds 2 addresses; expected one.")]
    [InlineData("Undisclosed recipients:;", "'Undisclosed recipients:;' is a group, not an address.")]
    [InlineData("john@[192.168.1.10]", "The domain of 'john@[192.168.1.10]' is not usable: '[192.168.1.10]' is an IP address; enter a domain name (e.g. contoso.com).")]
    [InlineData("john@contoso", "The domain of 'john@contoso' is not usable: 'contoso' needs at least two labels, e.g. contoso.com.")]
    [InlineData("john@contoso_x.com", "The domain of 'john@contoso_x.com' is not usable: 'contoso_x.com' may contain only letters, digits, hyphens and dots (label 'contoso_x').")]
    [InlineData("john@contoso.com\r\nBcc: x@y.com", "The address contains control characters.")]
    public void Refuses_what_is_not_one_usable_address(string? from, string message)
    {
        Assert.False(SenderAddress.TryParse(from, out var address, out var error));
        Assert.Null(address);
        Assert.Equal(message, error);
    }

    [Fact]
    public void Refuses_an_address_longer_than_smtp_allows()
    {
        var from = $"{new string('j', 64)}@{new string('a', 63)}.{new string('b', 63)}.{new string('c', 60)}.com";
        Assert.False(SenderAddress.TryParse(from, out _, out var error));
        Assert.EndsWith("is longer than 254 characters.", error);
    }

    [Fact]
    public void Refuses_a_from_value_longer_than_a_header_line()
    {
        Assert.False(SenderAddress.TryParse(new string('x', 1000) + "@contoso.com", out _, out var error));
        Assert.Equal("The address is longer than 998 characters (got 1012).", error);
    }
}
