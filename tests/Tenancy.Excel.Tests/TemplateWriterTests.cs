using ClosedXML.Excel;
using Tenancy.Core.Imports;

namespace Tenancy.Excel.Tests;

public class TemplateWriterTests
{
    private readonly TemplateWriter _writer = new();
    private readonly TemplateReader _reader = new();

    [Theory]
    [InlineData(TemplateLanguage.English)]
    [InlineData(TemplateLanguage.French)]
    public void The_template_reads_back_as_its_example_only_which_is_skipped(TemplateLanguage language)
    {
        var result = _reader.Read(_writer.Create(language));

        Assert.True(result.Succeeded, result.Failure?.Message);
        var template = result.Template!;
        Assert.Equal(language, template.Language);
        Assert.Equal(1, template.HeaderRow);
        Assert.Equal([2, 3], template.Rows.Select(r => r.Number));
        Assert.Empty(template.IgnoredColumns);

        var plan = TenantGrouping.Group(template.Rows, template.Language);
        Assert.True(plan.NothingToImport);
        Assert.Empty(plan.Errors);
        var warning = Assert.Single(plan.Warnings);
        Assert.Equal(TemplateColumns.Header(TemplateField.TenantName, language), warning.Column);
    }

    [Theory]
    [InlineData(TemplateLanguage.English, "Tenants", "Help", "TRUE,FALSE")]
    [InlineData(TemplateLanguage.French, "Locataires", "Aide", "VRAI,FAUX")]
    public void The_template_has_headers_validations_text_columns_and_a_help_sheet(
        TemplateLanguage language, string dataSheet, string helpSheet, string primaryList)
    {
        using var workbook = new XLWorkbook(new MemoryStream(_writer.Create(language)));

        var sheet = workbook.Worksheet(1);
        Assert.Equal(dataSheet, sheet.Name);
        foreach (var column in TemplateColumns.All)
        {
            var number = (int)column.Field + 1;
            var header = sheet.Cell(1, number);
            Assert.Equal(column.Header(language), header.GetString());
            Assert.True(header.Style.Font.Bold);
            Assert.Equal("@", sheet.Column(number).Style.NumberFormat.Format);
            Assert.True(sheet.Column(number).Width > 10);
        }
        Assert.Equal(1, sheet.SheetView.SplitRow);

        var validations = sheet.DataValidations.ToList();
        var primary = Assert.Single(validations, v => v.AllowedValues == XLAllowedValues.List);
        Assert.Equal($"\"{primaryList}\"", primary.Value);
        Assert.Equal("C2:C100001", Assert.Single(primary.Ranges).RangeAddress.ToString());
        Assert.Equal("500", LengthLimit(validations, "H"));
        Assert.Equal("500", LengthLimit(validations, "I"));
        Assert.Equal("128", LengthLimit(validations, "A"));
        Assert.Equal("128", LengthLimit(validations, "B"));

        // The example rows stand out.
        Assert.True(sheet.Cell(2, 1).Style.Font.Italic);
        Assert.NotEqual(sheet.Cell(4, 1).Style.Fill.BackgroundColor, sheet.Cell(2, 1).Style.Fill.BackgroundColor);

        var help = workbook.Worksheet(2);
        Assert.Equal(helpSheet, help.Name);
        var helpText = string.Join("\n", help.CellsUsed().Select(c => c.GetString()));
        Assert.All(TemplateColumns.All, c =>
        {
            Assert.Contains(c.Header(language), helpText);
            Assert.Contains(c.Help(language), helpText);
        });
    }

    [Fact]
    public void Values_typed_into_the_template_keep_their_plus_and_leading_zeros()
    {
        using var workbook = new XLWorkbook(new MemoryStream(_writer.Create(TemplateLanguage.English)));
        var sheet = workbook.Worksheet(1);
        // The Value setter guesses types as a spreadsheet does when typing, unless the cell is formatted as text.
        sheet.Cell(4, 1).Value = "Contoso";
        sheet.Cell(4, 2).Value = "Jane";
        sheet.Cell(4, 6).Value = "+33";
        sheet.Cell(4, 7).Value = "0612345678";
        using var output = new MemoryStream();
        workbook.SaveAs(output);

        var row = _reader.Read(output.ToArray()).Template!.Rows.Single(r => r.Number == 4);

        Assert.Equal("+33", row[TemplateField.CountryCode]);
        Assert.Equal("0612345678", row[TemplateField.ContactPhone]);
    }

    [Fact]
    public void File_names_are_in_the_template_language()
    {
        Assert.Equal("modele-import-locataires.xlsx", TemplateFiles.TemplateName(TemplateLanguage.French));
        Assert.Equal("tenant-import-template.xlsx", TemplateFiles.TemplateName(TemplateLanguage.English));
        Assert.Equal("erreurs-imp_1.xlsx", TemplateFiles.ErrorReportName(TemplateLanguage.French, "imp_1"));
    }

    private static string? LengthLimit(IEnumerable<IXLDataValidation> validations, string column) =>
        validations.SingleOrDefault(v => v.AllowedValues == XLAllowedValues.TextLength
                                         && v.Ranges.Any(r => r.RangeAddress.FirstAddress.ColumnLetter == column
                                                              || (r.RangeAddress.FirstAddress.ColumnNumber <= XLHelper.GetColumnNumberFromLetter(column)
                                                                  && r.RangeAddress.LastAddress.ColumnNumber >= XLHelper.GetColumnNumberFromLetter(column))))
            ?.Value;
}
