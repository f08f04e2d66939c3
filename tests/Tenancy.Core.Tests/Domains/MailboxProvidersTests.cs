using Tenancy.Core.Domains;

namespace Tenancy.Core.Tests.Domains;

public class MailboxProvidersTests
{
    [Theory]
    [InlineData("gmail.com")]
    [InlineData("googlemail.com")]
    [InlineData("outlook.com")]
    [InlineData("hotmail.fr")]
    [InlineData("live.com")]
    [InlineData("yahoo.co.uk")]
    [InlineData("icloud.com")]
    [InlineData("gmx.net")]
    [InlineData("web.de")]
    [InlineData("orange.fr")]
    [InlineData("wanadoo.fr")]
    [InlineData("free.fr")]
    [InlineData("laposte.net")]
    [InlineData("proton.me")]
    public void Knows_the_large_public_providers(string domain) =>
        Assert.Equal(domain, MailboxProviders.Default.ProviderOf(domain));

    [Fact]
    public void A_provider_covers_its_subdomains() =>
        Assert.Equal("gmail.com", MailboxProviders.Default.ProviderOf("eu.mail.gmail.com"));

    [Theory]
    [InlineData("contoso.com")]
    [InlineData("google.com")]
    [InlineData("microsoft.com")]
    [InlineData("orange.com")]
    [InlineData("notgmail.com")]
    [InlineData("gmail.com.contoso.com")]
    public void Leaves_other_domains_alone(string domain) =>
        Assert.False(MailboxProviders.Default.IsProvider(domain));

    [Fact]
    public void Shipped_list_is_lower_case_ascii_host_names()
    {
        Assert.True(MailboxProviders.Default.Domains.Count > 100);
        foreach (var domain in MailboxProviders.Default.Domains)
        {
            Assert.True(DomainName.TryParseHostName(domain, out var parsed, out var error), $"{domain}: {error}");
            Assert.Equal(domain, parsed);
            Assert.False(PublicSuffixList.Default.IsPublicSuffix(domain), $"{domain} is a public suffix");
        }
    }

    [Fact]
    public void Parse_skips_comments_and_lower_cases() =>
        Assert.Equal(["example.net"], MailboxProviders.Parse("# providers\n Example.NET # trailing\n\n").Domains);
}
