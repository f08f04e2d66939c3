using Tenancy.Core.Domains;

namespace Tenancy.Core.Tests.Domains;

public class PublicSuffixListTests
{
    private static readonly PublicSuffixList Sample = PublicSuffixList.Parse("""
        // comment lines and blank lines are skipped

        // ===BEGIN ICANN DOMAINS===
        com
        uk
        co.uk
        jp
        *.kobe.jp
        !city.kobe.jp
        ck
        *.ck
        !www.ck
        公司.cn
        cn
        // ===END ICANN DOMAINS===
        // ===BEGIN PRIVATE DOMAINS===
        github.io  text after white space is ignored
        // ===END PRIVATE DOMAINS===
        """);

    [Theory]
    [InlineData("contoso.com", "com")]
    [InlineData("eu.mail.contoso.com", "com")]
    [InlineData("contoso.co.uk", "co.uk")]
    [InlineData("co.uk", "co.uk")]
    [InlineData("uk", "uk")]
    [InlineData("contoso.github.io", "github.io")]
    public void Longest_normal_rule_prevails(string domain, string suffix) =>
        Assert.Equal(suffix, Sample.GetPublicSuffix(domain));

    [Theory]
    [InlineData("contoso.ck", "contoso.ck")]
    [InlineData("mail.contoso.ck", "contoso.ck")]
    [InlineData("a.b.kobe.jp", "b.kobe.jp")]
    public void Wildcard_rule_makes_any_label_under_it_a_suffix(string domain, string suffix) =>
        Assert.Equal(suffix, Sample.GetPublicSuffix(domain));

    [Theory]
    [InlineData("www.ck", "ck")]
    [InlineData("mail.www.ck", "ck")]
    [InlineData("city.kobe.jp", "kobe.jp")]
    public void Exception_rule_prevails_over_the_wildcard(string domain, string suffix) =>
        Assert.Equal(suffix, Sample.GetPublicSuffix(domain));

    [Theory]
    [InlineData("contoso.example", "example")]
    [InlineData("example", "example")]
    public void Unlisted_top_level_domain_is_its_own_suffix(string domain, string suffix) =>
        Assert.Equal(suffix, Sample.GetPublicSuffix(domain));

    [Fact]
    public void Unicode_rules_are_stored_in_ascii_form()
    {
        Assert.True(Sample.IsPublicSuffix("xn--55qx5d.cn"));
        Assert.Equal("xn--55qx5d.cn", Sample.GetPublicSuffix("contoso.xn--55qx5d.cn"));
    }

    [Theory]
    [InlineData("mail.contoso.co.uk", "contoso.co.uk")]
    [InlineData("contoso.com", "contoso.com")]
    [InlineData("a.b.c.contoso.ck", "c.contoso.ck")]
    [InlineData("mail.www.ck", "www.ck")]
    public void Registrable_domain_is_the_suffix_and_one_more_label(string domain, string registrable) =>
        Assert.Equal(registrable, Sample.GetRegistrableDomain(domain));

    [Theory]
    [InlineData("co.uk")]
    [InlineData("com")]
    [InlineData("contoso.ck")]
    public void Public_suffix_has_no_registrable_domain(string domain) =>
        Assert.Null(Sample.GetRegistrableDomain(domain));

    [Fact]
    public void Refuses_a_list_with_an_invalid_rule()
    {
        var e = Assert.Throws<InvalidDataException>(() => PublicSuffixList.Parse("com\nbad_rule!.com\n"));
        Assert.Contains("line 2", e.Message);
    }

    [Fact]
    public void Shipped_list_is_complete() =>
        Assert.True(PublicSuffixList.Default.RuleCount > 9000, $"only {PublicSuffixList.Default.RuleCount} rules");

    [Theory]
    [InlineData("com")]
    [InlineData("co.uk")]
    [InlineData("gouv.fr")]
    [InlineData("com.au")]
    [InlineData("github.io")]
    [InlineData("blogspot.com")]
    [InlineData("anything.ck")]
    [InlineData("xn--55qx5d.cn")]
    public void Shipped_list_knows_well_known_suffixes(string suffix) =>
        Assert.True(PublicSuffixList.Default.IsPublicSuffix(suffix));

    [Theory]
    [InlineData("contoso.com")]
    [InlineData("contoso.co.uk")]
    [InlineData("www.ck")]
    [InlineData("city.kobe.jp")]
    [InlineData("contoso.github.io")]
    public void Shipped_list_leaves_registrable_domains_alone(string domain) =>
        Assert.False(PublicSuffixList.Default.IsPublicSuffix(domain));

    // Cases in the style of the list's own checkPublicSuffix examples: the registrable domain, or null for a suffix.
    [Theory]
    [InlineData("example.com", "example.com")]
    [InlineData("a.b.example.com", "example.com")]
    [InlineData("uk.com", null)]
    [InlineData("b.example.uk.com", "example.uk.com")]
    [InlineData("ac.jp", null)]
    [InlineData("test.kyoto.jp", "test.kyoto.jp")]
    [InlineData("c.kobe.jp", null)]
    [InlineData("b.c.kobe.jp", "b.c.kobe.jp")]
    [InlineData("www.city.kobe.jp", "city.kobe.jp")]
    [InlineData("c.ck", null)]
    [InlineData("a.b.c.ck", "b.c.ck")]
    [InlineData("www.www.ck", "www.ck")]
    [InlineData("k12.ak.us", null)]
    [InlineData("test.k12.ak.us", "test.k12.ak.us")]
    [InlineData("www.xn--85x722f.xn--55qx5d.cn", "xn--85x722f.xn--55qx5d.cn")]
    [InlineData("unlisted-tld.example", "unlisted-tld.example")]
    public void Shipped_list_gives_the_registrable_domain(string domain, string? registrable) =>
        Assert.Equal(registrable, PublicSuffixList.Default.GetRegistrableDomain(domain));

    [Fact]
    public void Default_is_loaded_once() =>
        Assert.Same(PublicSuffixList.Default, PublicSuffixList.Default);
}
