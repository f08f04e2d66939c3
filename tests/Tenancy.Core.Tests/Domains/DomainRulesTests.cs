using Tenancy.Core.Common;
using Tenancy.Core.Domains;

namespace Tenancy.Core.Tests.Domains;

public class DomainRulesTests
{
    [Theory]
    [InlineData("Contoso.com", "contoso.com")]
    [InlineData("contoso.co.uk", "contoso.co.uk")]
    [InlineData("contoso.github.io", "contoso.github.io")]
    [InlineData("mail.contoso.fr.", "mail.contoso.fr")]
    [InlineData("münchen.de", "xn--mnchen-3ya.de")]
    [InlineData("contoso.onmicrosoft.com", "contoso.onmicrosoft.com")]
    [InlineData("google.com", "google.com")]
    [InlineData("orange.com", "orange.com")]
    public void Accepts_a_domain_a_tenant_can_own(string input, string expected)
    {
        Assert.True(DomainRules.TryValidate(input, out var domain, out var error), error);
        Assert.Equal(expected, domain);
    }

    [Theory]
    [InlineData("com", "'com' needs at least two labels, e.g. contoso.com.")]
    [InlineData("co.uk", "'co.uk' is a public suffix that many unrelated owners share; enter the tenant's own domain under it (e.g. contoso.co.uk).")]
    [InlineData("CO.UK.", "'co.uk' is a public suffix that many unrelated owners share; enter the tenant's own domain under it (e.g. contoso.co.uk).")]
    [InlineData("gouv.fr", "'gouv.fr' is a public suffix that many unrelated owners share; enter the tenant's own domain under it (e.g. contoso.gouv.fr).")]
    [InlineData("github.io", "'github.io' is a public suffix that many unrelated owners share; enter the tenant's own domain under it (e.g. contoso.github.io).")]
    [InlineData("blogspot.com", "'blogspot.com' is a public suffix that many unrelated owners share; enter the tenant's own domain under it (e.g. contoso.blogspot.com).")]
    [InlineData("contoso.ck", "'contoso.ck' is a public suffix that many unrelated owners share; enter the tenant's own domain under it (e.g. contoso.contoso.ck).")]
    public void Refuses_a_public_suffix(string input, string message)
    {
        Assert.False(DomainRules.TryValidate(input, out _, out var error));
        Assert.Equal(message, error);
    }

    [Fact]
    public void Accepts_the_exception_to_a_wildcard_suffix() =>
        Assert.True(DomainRules.TryValidate("www.ck", out _, out _));

    [Theory]
    [InlineData("gmail.com")]
    [InlineData("GMail.com")]
    [InlineData("outlook.com")]
    [InlineData("hotmail.com")]
    [InlineData("yahoo.com")]
    [InlineData("icloud.com")]
    [InlineData("gmx.de")]
    [InlineData("orange.fr")]
    [InlineData("free.fr")]
    [InlineData("laposte.net")]
    public void Refuses_a_public_mailbox_provider(string input)
    {
        Assert.False(DomainRules.TryValidate(input, out _, out var error));
        Assert.Equal($"'{input.ToLowerInvariant()}' is a public mailbox provider; add the person's address as a contact email instead.", error);
    }

    [Fact]
    public void Refuses_a_subdomain_of_a_public_mailbox_provider()
    {
        Assert.False(DomainRules.TryValidate("mail.gmail.com", out _, out var error));
        Assert.Equal("'mail.gmail.com' belongs to the public mailbox provider gmail.com; add the person's address as a contact email instead.", error);
    }

    [Fact]
    public void Reports_host_name_problems_before_list_problems()
    {
        Assert.False(DomainRules.TryValidate("*.co.uk", out _, out var error));
        Assert.StartsWith("'*.co.uk' is a wildcard", error);
    }

    [Fact]
    public void Validate_adds_the_problem_under_the_field()
    {
        var errors = new FieldErrors();
        Assert.Null(DomainRules.Validate("gmail.com", errors, "domain"));
        Assert.Equal(["domain"], errors.ToDictionary().Keys);
    }

    [Fact]
    public void Validate_all_normalizes_and_removes_duplicates_in_order()
    {
        var errors = new FieldErrors();
        var domains = DomainRules.ValidateAll(["Fabrikam.com", "contoso.com", "CONTOSO.com.", "münchen.de"], errors);
        Assert.False(errors.Any);
        Assert.Equal(["fabrikam.com", "contoso.com", "xn--mnchen-3ya.de"], domains);
    }

    [Fact]
    public void Validate_all_reports_each_bad_domain_at_its_index()
    {
        var errors = new FieldErrors();
        var domains = DomainRules.ValidateAll(["contoso.com", "gmail.com", "", "co.uk"], errors);
        Assert.Equal(["contoso.com"], domains);
        var byField = errors.ToDictionary();
        Assert.Equal(["domains[1]", "domains[2]", "domains[3]"], byField.Keys.Order());
        Assert.Equal("A domain is required.", Assert.Single(byField["domains[2]"]));
    }
}
