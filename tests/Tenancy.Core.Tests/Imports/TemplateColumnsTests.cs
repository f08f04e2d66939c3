using Tenancy.Core.Imports;

namespace Tenancy.Core.Tests.Imports;

public class TemplateColumnsTests
{
    private static readonly string[] English =
    [
        "Tenant name", "Contact name", "Primary contact", "Contact role", "Contact email",
        "Country code", "Contact phone number", "Contact notes", "Tenant notes", "Domains",
    ];

    private static readonly string[] French =
    [
        "Nom du locataire", "Nom du contact", "Contact principal", "Rôle du contact", "Adresse électronique du contact",
        "Code pays", "Numéro de téléphone du contact", "Notes de contact", "Notes sur le locataire", "Domaines",
    ];

    [Fact]
    public void Has_the_ten_columns_of_the_spec_in_order_with_both_headers_and_help()
    {
        Assert.Equal(English, TemplateColumns.All.Select(c => c.English));
        Assert.Equal(French, TemplateColumns.All.Select(c => c.French));
        Assert.All(TemplateColumns.All, c =>
        {
            Assert.False(string.IsNullOrWhiteSpace(c.HelpEnglish));
            Assert.False(string.IsNullOrWhiteSpace(c.HelpFrench));
            Assert.Equal(c, TemplateColumns.For(c.Field));
        });
        Assert.Equal([TemplateField.TenantName, TemplateField.ContactName],
            TemplateColumns.All.Where(c => c.Required).Select(c => c.Field));
    }

    [Fact]
    public void Matches_english_headers_in_any_order()
    {
        var match = TemplateColumns.Match(English.Reverse().ToArray());

        Assert.True(match.IsUsable);
        Assert.Equal(TemplateLanguage.English, match.Language);
        Assert.Equal(9, match.Positions[TemplateField.TenantName]);
        Assert.Equal(0, match.Positions[TemplateField.Domains]);
        Assert.Null(match.Problem());
    }

    [Fact]
    public void Matches_french_headers_ignoring_case_spacing_and_accents()
    {
        var match = TemplateColumns.Match(
            ["  NOM  du\u00a0locataire ", "nom du contact", "contact principal", "Role du contact",
             "adresse electronique du contact", "CODE PAYS", "Numero de telephone\ndu contact", "Notes de contact:",
             "Notes sur le locataire *", "domaines"]);

        Assert.True(match.IsUsable);
        Assert.Equal(TemplateLanguage.French, match.Language);
        Assert.Equal(10, match.Recognised);
        Assert.Equal(6, match.Positions[TemplateField.ContactPhone]);
    }

    [Fact]
    public void Ignores_unknown_columns_such_as_the_error_column()
    {
        var match = TemplateColumns.Match([null, "Tenant name", "", "Contact name", "Error", "Comments"]);

        Assert.True(match.IsUsable);
        Assert.Equal(["Error", "Comments"], match.Ignored);
        Assert.Equal(1, match.Positions[TemplateField.TenantName]);
        Assert.Equal(3, match.Positions[TemplateField.ContactName]);
    }

    [Fact]
    public void Names_the_missing_required_columns_in_the_files_language()
    {
        var match = TemplateColumns.Match(["Nom du locataire", "Code pays", "Domaines"]);

        Assert.False(match.IsUsable);
        Assert.Equal([TemplateField.ContactName], match.Missing);
        Assert.Contains("'Nom du contact'", match.Problem());
    }

    [Fact]
    public void Says_when_no_header_is_a_template_column()
    {
        var match = TemplateColumns.Match(["Name", "Email", "Phone"]);

        Assert.False(match.IsUsable);
        Assert.Contains("does not name any of the template's columns", match.Problem());
        Assert.Contains("'Tenant name' (or 'Nom du locataire')", match.Problem());
    }

    [Fact]
    public void Refuses_a_column_named_twice_even_across_languages()
    {
        var match = TemplateColumns.Match(["Tenant name", "Contact name", "Contact email", "Adresse électronique du contact"]);

        Assert.False(match.IsUsable);
        Assert.Equal([TemplateField.ContactEmail], match.Duplicates);
        Assert.Contains("more than once", match.Problem());
    }

    [Fact]
    public void Mixed_languages_take_the_majority_language()
    {
        var match = TemplateColumns.Match(["Nom du locataire", "Nom du contact", "Contact email"]);

        Assert.True(match.IsUsable);
        Assert.Equal(TemplateLanguage.French, match.Language);
    }

    [Theory]
    [InlineData(null, TemplateLanguage.English)]
    [InlineData("en", TemplateLanguage.English)]
    [InlineData("FR", TemplateLanguage.French)]
    [InlineData("fr-CA", TemplateLanguage.French)]
    [InlineData("en_GB", TemplateLanguage.English)]
    public void Parses_language_codes(string? code, TemplateLanguage expected)
    {
        Assert.True(TemplateLanguages.TryParse(code, out var language));
        Assert.Equal(expected, language);
        Assert.Equal(expected == TemplateLanguage.French ? "fr" : "en", language.Code());
    }

    [Fact]
    public void Refuses_other_language_codes()
    {
        Assert.False(TemplateLanguages.TryParse("de", out _));
    }
}
