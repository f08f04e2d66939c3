using Tenancy.Core.Domains;

namespace Tenancy.Core.Tests.Domains;

public class DomainNameTests
{
    [Theory]
    [InlineData("contoso.com", "contoso.com")]
    [InlineData("  Contoso.COM  ", "contoso.com")]
    [InlineData("contoso.com.", "contoso.com")]
    [InlineData(" MAIL.Contoso.com. ", "mail.contoso.com")]
    [InlineData("xn--mnchen-3ya.de", "xn--mnchen-3ya.de")]
    public void Normalizes_case_white_space_and_trailing_dot(string input, string expected) =>
        Assert.Equal(expected, DomainName.Normalize(input));

    [Theory]
    [InlineData("münchen.de", "xn--mnchen-3ya.de")]
    [InlineData("MÜNCHEN.DE", "xn--mnchen-3ya.de")]
    [InlineData("ÉCOLE.fr", "xn--cole-9oa.fr")]
    [InlineData("e\u0301cole.fr", "xn--cole-9oa.fr")]
    [InlineData("δοκιμή.gr", "xn--jxalpdlp.gr")]
    [InlineData("bücher.example.com.", "xn--bcher-kva.example.com")]
    public void Converts_internationalised_names_to_ascii(string input, string expected) =>
        Assert.Equal(expected, DomainName.Normalize(input));

    [Fact]
    public void Strips_only_one_trailing_dot() =>
        Assert.Equal("contoso.com.", DomainName.Normalize("contoso.com.."));

    [Fact]
    public void Normalize_leaves_unconvertible_input_cleaned_but_unconverted() =>
        Assert.Equal("mü_nchen.de", DomainName.Normalize(" MÜ_nchen.de "));

    [Theory]
    [InlineData("contoso.com", "contoso.com")]
    [InlineData("Eu.Mail.Contoso.COM.", "eu.mail.contoso.com")]
    [InlineData("a.b", "a.b")]
    [InlineData("my-company.co.uk", "my-company.co.uk")]
    [InlineData("123contoso.com", "123contoso.com")]
    [InlineData("ab--cd.com", "ab--cd.com")]
    [InlineData("münchen.de", "xn--mnchen-3ya.de")]
    public void Accepts_host_names(string input, string expected)
    {
        Assert.True(DomainName.TryParseHostName(input, out var domain, out var error), error);
        Assert.Equal(expected, domain);
    }

    [Fact]
    public void Accepts_labels_of_63_characters_and_names_of_253()
    {
        var label = new string('a', 63);
        var name = $"{label}.{label}.{label}.{new string('b', 57)}.com"; // 63*3 + 57 + 3 + 4 dots = 253
        Assert.Equal(253, name.Length);
        Assert.True(DomainName.TryParseHostName(name, out _, out var error), error);
    }

    [Theory]
    [InlineData(null, "A domain is required.")]
    [InlineData("", "A domain is required.")]
    [InlineData("   ", "A domain is required.")]
    [InlineData("*.contoso.com", "'*.contoso.com' is a wildcard; enter the domain itself (e.g. contoso.com): its subdomains route to it.")]
    [InlineData("mail*.contoso.com", "'mail*.contoso.com' is a wildcard; enter the domain itself (e.g. contoso.com): its subdomains route to it.")]
    [InlineData("192.168.1.10", "'192.168.1.10' is an IP address; enter a domain name (e.g. contoso.com).")]
    [InlineData("192.168.1.10.", "'192.168.1.10.' is an IP address; enter a domain name (e.g. contoso.com).")]
    [InlineData("[192.168.1.10]", "'[192.168.1.10]' is an IP address; enter a domain name (e.g. contoso.com).")]
    [InlineData("2001:db8::1", "'2001:db8::1' is an IP address; enter a domain name (e.g. contoso.com).")]
    [InlineData("[2001:db8::1]", "'[2001:db8::1]' is an IP address; enter a domain name (e.g. contoso.com).")]
    [InlineData("[IPv6:2001:db8::1]", "'[IPv6:2001:db8::1]' is an IP address; enter a domain name (e.g. contoso.com).")]
    [InlineData("::1", "'::1' is an IP address; enter a domain name (e.g. contoso.com).")]
    [InlineData("conto so.com", "'conto so.com' must not contain spaces.")]
    [InlineData("contoso..com", "'contoso..com' has an empty label (two dots in a row, or a leading dot).")]
    [InlineData(".contoso.com", "'.contoso.com' has an empty label (two dots in a row, or a leading dot).")]
    [InlineData(".", "'.' has an empty label (two dots in a row, or a leading dot).")]
    [InlineData("contoso_mail.com", "'contoso_mail.com' may contain only letters, digits, hyphens and dots (label 'contoso_mail').")]
    [InlineData("john@contoso.com", "'john@contoso.com' may contain only letters, digits, hyphens and dots (label 'john@contoso').")]
    [InlineData("https://contoso.com", "'https://contoso.com' may contain only letters, digits, hyphens and dots (label 'https://contoso').")]
    [InlineData("-contoso.com", "'-contoso.com' has a label that starts or ends with a hyphen ('-contoso').")]
    [InlineData("contoso-.com", "'contoso-.com' has a label that starts or ends with a hyphen ('contoso-').")]
    [InlineData("localhost", "'localhost' needs at least two labels, e.g. contoso.com.")]
    [InlineData("com", "'com' needs at least two labels, e.g. contoso.com.")]
    [InlineData("contoso.123", "'contoso.123' ends with an all-digit label; no top-level domain is all digits.")]
    [InlineData("xn--zz.com", "'xn--zz.com' has a label that is not valid punycode ('xn--zz').")]
    [InlineData("mail.xn--a.com", "'mail.xn--a.com' has a label that is not valid punycode ('xn--a').")]
    [InlineData("mü_nchen.de", "'mü_nchen.de' is not a valid internationalised domain name (label 'mü_nchen').")]
    [InlineData("-münchen.de", "'-münchen.de' is not a valid internationalised domain name (label '-münchen').")]
    public void Refuses_invalid_host_names_with_a_clear_message(string? input, string message)
    {
        Assert.False(DomainName.TryParseHostName(input, out var domain, out var error));
        Assert.Null(domain);
        Assert.Equal(message, error);
    }

    [Fact]
    public void Refuses_a_label_longer_than_63_characters()
    {
        var label = new string('a', 64);
        Assert.False(DomainName.TryParseHostName($"{label}.com", out _, out var error));
        Assert.Equal($"'{label}.com' has a label longer than 63 characters ('aaaaaaaaaaaaaaaaaaaa…', 64).", error);
    }

    [Fact]
    public void Refuses_a_name_longer_than_253_characters()
    {
        var label = new string('a', 63);
        var name = $"{label}.{label}.{label}.{new string('b', 58)}.com";
        Assert.False(DomainName.TryParseHostName(name, out _, out var error));
        Assert.StartsWith("'", error);
        Assert.EndsWith("is longer than 253 characters (got 254).", error);
        Assert.Contains("…", error); // the message does not echo the whole input
    }

    [Fact]
    public void Checks_the_length_of_the_ascii_form_of_internationalised_names()
    {
        // Each 56-character label becomes a 62-character punycode label: four of them pass 253 only once converted.
        var label = new string('a', 55) + "ü";
        var name = string.Join('.', Enumerable.Repeat(label, 4)) + ".de";
        Assert.True(name.Length < 253);
        Assert.False(DomainName.TryParseHostName(name, out _, out var error));
        Assert.Contains("is longer than 253 characters", error);
    }

    [Fact]
    public void Routing_chain_lists_the_domain_then_its_parents_down_to_the_registrable_domain() =>
        Assert.Equal(
            ["eu.mail.contoso.com", "mail.contoso.com", "contoso.com"],
            DomainName.RoutingChain("eu.mail.contoso.com"));

    [Fact]
    public void Routing_chain_stops_before_a_multi_label_public_suffix() =>
        Assert.Equal(["mail.contoso.co.uk", "contoso.co.uk"], DomainName.RoutingChain("mail.contoso.co.uk"));

    [Fact]
    public void Routing_chain_of_a_registrable_domain_is_the_domain_alone() =>
        Assert.Equal(["contoso.com"], DomainName.RoutingChain("contoso.com"));

    [Fact]
    public void Routing_chain_of_a_public_suffix_is_empty() =>
        Assert.Empty(DomainName.RoutingChain("co.uk"));

    [Fact]
    public void Routing_chain_stops_before_a_private_suffix() =>
        Assert.Equal(["docs.contoso.github.io", "contoso.github.io"], DomainName.RoutingChain("docs.contoso.github.io"));

    [Fact]
    public void Routing_chain_follows_wildcard_and_exception_rules()
    {
        var list = PublicSuffixList.Parse("ck\n*.ck\n!www.ck\n");
        Assert.Equal(["a.contoso.ck"], DomainName.RoutingChain("a.contoso.ck", list));
        Assert.Equal(["mail.www.ck", "www.ck"], DomainName.RoutingChain("mail.www.ck", list));
    }
}
