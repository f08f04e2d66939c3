using Tenancy.Core.Imports;
using static Tenancy.Core.Tests.Imports.Rows;

namespace Tenancy.Core.Tests.Imports;

public class ImportRowRulesTests
{
    [Theory]
    [InlineData("true", true)]
    [InlineData("TRUE", true)]
    [InlineData(" Vrai ", true)]
    [InlineData("yes", true)]
    [InlineData("OUI", true)]
    [InlineData("1", true)]
    [InlineData("false", false)]
    [InlineData("FAUX", false)]
    [InlineData("No", false)]
    [InlineData("non", false)]
    [InlineData("0", false)]
    [InlineData("", false)]
    [InlineData("   ", false)]
    [InlineData(null, false)]
    public void Reads_primary_contact_words(string? text, bool expected)
    {
        Assert.True(ImportRowRules.TryParsePrimary(text, out var isPrimary));
        Assert.Equal(expected, isPrimary);
    }

    [Theory]
    [InlineData("maybe")]
    [InlineData("2")]
    [InlineData("x")]
    [InlineData("truee")]
    public void Refuses_other_primary_contact_words(string text)
    {
        Assert.False(ImportRowRules.TryParsePrimary(text, out _));
    }

    [Fact]
    public void An_unreadable_primary_flag_is_an_error_on_that_column()
    {
        var check = ImportRowRules.Check(Row(4, "Contoso", "Jane", primary: "maybe"), TemplateLanguage.English);

        var error = Assert.Single(check.Errors);
        Assert.Equal(new ImportIssue(4, "Primary contact", error.Message), error);
        Assert.Contains("'maybe'", error.Message);
    }

    [Fact]
    public void Reports_contact_rule_errors_by_row_and_column()
    {
        var check = ImportRowRules.Check(
            Row(7, "Contoso", "Jane", email: "not-an-email", countryCode: "33", phone: "12"), TemplateLanguage.English);

        Assert.False(check.IsValid);
        Assert.Equal(["Contact email", "Country code", "Contact phone number"], check.Errors.Select(e => e.Column));
        Assert.All(check.Errors, e => Assert.Equal(7, e.Row));
    }

    [Fact]
    public void Names_columns_in_french_for_a_french_file()
    {
        var check = ImportRowRules.Check(Row(3, "", "", email: "x@"), TemplateLanguage.French);

        Assert.Equal(["Nom du locataire", "Nom du contact", "Adresse électronique du contact"],
            check.Errors.Select(e => e.Column));
    }

    [Fact]
    public void Limits_notes_to_500_characters()
    {
        var check = ImportRowRules.Check(
            Row(2, "Contoso", "Jane", tenantNotes: new string('n', 501), contactNotes: new string('c', 501)),
            TemplateLanguage.English);

        Assert.Equal(["Tenant notes", "Contact notes"], check.Errors.Select(e => e.Column));
        Assert.All(check.Errors, e => Assert.Contains("500", e.Message));
    }

    [Fact]
    public void Limits_names_to_128_characters()
    {
        var check = ImportRowRules.Check(Row(2, new string('t', 129), new string('c', 129)), TemplateLanguage.English);

        Assert.Equal(["Tenant name", "Contact name"], check.Errors.Select(e => e.Column));
    }

    [Fact]
    public void Keeps_cleaned_values()
    {
        var check = ImportRowRules.Check(
            Row(2, "  Contoso   Ltd ", " Jane Doe ", primary: "oui", email: " jane@contoso.com ", countryCode: " +44",
                phone: "020 7946 0000 ", tenantNotes: "  ", domains: " contoso.com ;contoso.co.uk,, "),
            TemplateLanguage.English);

        Assert.True(check.IsValid);
        Assert.Equal("Contoso Ltd", check.Row.TenantName);
        Assert.Equal("contoso ltd", check.Row.TenantKey);
        Assert.Null(check.Row.TenantNotes);
        Assert.Equal(["contoso.com", "contoso.co.uk"], check.Row.Domains);
        Assert.Equal("Jane Doe", check.Row.Contact.Name);
        Assert.Equal("jane@contoso.com", check.Row.Contact.Email);
        Assert.Equal("+44", check.Row.Contact.CountryCode);
        Assert.Equal("020 7946 0000", check.Row.Contact.Phone);
        Assert.True(check.Row.Contact.IsPrimary);
    }

    [Theory]
    [InlineData("a.com", new[] { "a.com" })]
    [InlineData("a.com, b.com", new[] { "a.com", "b.com" })]
    [InlineData("a.com;b.com ; c.com", new[] { "a.com", "b.com", "c.com" })]
    [InlineData("a.com\nb.com", new[] { "a.com", "b.com" })]
    [InlineData(" , ; ", new string[0])]
    [InlineData(null, new string[0])]
    public void Splits_domains_on_commas_semicolons_and_spaces(string? text, string[] expected)
    {
        Assert.Equal(expected, ImportRowRules.SplitDomains(text));
    }

    [Fact]
    public void Domain_rules_plug_in_through_the_seam()
    {
        var check = ImportRowRules.Check(Row(5, "Contoso", "Jane", domains: "gmail.com, contoso.com"),
            TemplateLanguage.English, domain => domain == "gmail.com" ? "'gmail.com' is a public mailbox provider." : null);

        var error = Assert.Single(check.Errors);
        Assert.Equal(new ImportIssue(5, "Domains", "'gmail.com' is a public mailbox provider."), error);
    }

    [Fact]
    public void A_refused_cell_is_reported_once_not_again_by_the_field_rules()
    {
        var row = new TemplateRow(9,
            new Dictionary<TemplateField, string> { [TemplateField.TenantName] = "Contoso", [TemplateField.ContactPhone] = "=1+1" },
            [new CellProblem(TemplateField.ContactPhone, "Formulas are not allowed."), new CellProblem(TemplateField.ContactName, "Formulas are not allowed.")]);

        var check = ImportRowRules.Check(row, TemplateLanguage.English);

        Assert.Equal(["Contact phone number", "Contact name"], check.Errors.Select(e => e.Column));
    }

    [Fact]
    public void Reports_what_the_reader_refused()
    {
        var row = new TemplateRow(9, new Dictionary<TemplateField, string> { [TemplateField.TenantName] = "Contoso", [TemplateField.ContactName] = "Jane" },
            [new CellProblem(TemplateField.ContactPhone, "Formulas are not allowed.")]);

        var check = ImportRowRules.Check(row, TemplateLanguage.English);

        Assert.Equal([new ImportIssue(9, "Contact phone number", "Formulas are not allowed.")], check.Errors);
    }
}
