using Tenancy.Core.Imports;
using static Tenancy.Core.Tests.Imports.Rows;

namespace Tenancy.Core.Tests.Imports;

/// <summary>R12: a row error names its column as the file's own header row does, in French for a French file.</summary>
public class FileLanguageColumnsTests
{
    [Fact]
    public void Too_many_domains_for_one_tenant_is_an_error_of_the_Domaines_column_in_a_French_file()
    {
        var domains = string.Join(", ", Enumerable.Range(0, 41).Select(i => $"d{i}.contoso.fr"));

        var plan = TenantGrouping.Group([Row(2, "Contoso", "Marie", domains: domains)], TemplateLanguage.French);

        var error = Assert.Single(plan.Errors);
        Assert.Equal((2, "Domaines"), (error.Row, error.Column));
    }

    [Theory]
    [InlineData("contacts[2].email", "Adresse électronique du contact")]
    [InlineData("contacts[0].countryCode", "Code pays")]
    [InlineData("domains[3]", "Domaines")]
    [InlineData("notes", "Notes sur le locataire")]
    [InlineData("name", "Nom du locataire")]
    public void Api_field_names_map_to_the_French_headers(string field, string header) =>
        Assert.Equal(header, TenantGrouping.ColumnOf(field, TemplateLanguage.French));
}
