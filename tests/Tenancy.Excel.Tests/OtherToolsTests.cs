using Tenancy.Core.Imports;

namespace Tenancy.Excel.Tests;

/// <summary>
/// Filled templates written by other tools (Data/other-tools, see Data/README.md): whoever wrote the
/// file, the same rows import to the same tenants.
/// </summary>
public class OtherToolsTests
{
    private readonly TemplateReader _reader = new();

    [Theory]
    [InlineData("openpyxl-filled-en.xlsx", TemplateLanguage.English)]
    [InlineData("openpyxl-filled-fr-shuffled.xlsx", TemplateLanguage.French)]
    [InlineData("libreoffice-from-csv.xlsx", TemplateLanguage.English)]
    public void A_filled_template_from_another_tool_imports_to_the_same_tenants(string file, TemplateLanguage language)
    {
        var result = _reader.Read(TestFiles.Bytes("other-tools", file));

        Assert.True(result.Succeeded, result.Failure?.Message);
        Assert.Equal(language, result.Template!.Language);
        var plan = TenantGrouping.Group(result.Template.Rows, result.Template.Language);
        Assert.Empty(plan.Errors);
        Assert.Equal(FilledDataset.ExpectedTenants, FilledDataset.Describe(plan));
    }

    [Fact]
    public void The_french_file_is_read_from_its_tenant_sheet_with_its_extra_column_ignored()
    {
        var template = _reader.Read(TestFiles.Bytes("other-tools", "openpyxl-filled-fr-shuffled.xlsx")).Template!;

        Assert.Equal("Locataires", template.SheetName);
        Assert.Equal(["Commentaires"], template.IgnoredColumns);
        Assert.Equal([2, 3, 5, 6, 7, 8], template.Rows.Select(r => r.Number));
    }

    [Theory]
    [InlineData("closedxml-template-en.xlsx")]
    [InlineData("libreoffice-resaved-template-en.xlsx")]
    public void A_template_saved_earlier_or_resaved_by_libreoffice_still_has_its_example_skipped(string file)
    {
        var result = _reader.Read(TestFiles.Bytes("other-tools", file));

        Assert.True(result.Succeeded, result.Failure?.Message);
        var plan = TenantGrouping.Group(result.Template!.Rows, result.Template.Language);
        Assert.True(plan.NothingToImport);
        Assert.Single(plan.Warnings);
    }
}
