using ClosedXML.Excel;
using Tenancy.Core.Imports;

namespace Tenancy.Excel.Tests;

public class ErrorReportWriterTests
{
    private readonly TemplateReader _reader = new();
    private readonly ErrorReportWriter _writer = new();

    [Theory]
    [InlineData(TemplateLanguage.English, "Error")]
    [InlineData(TemplateLanguage.French, "Erreur")]
    public void The_error_report_is_a_valid_template_of_the_failed_rows_plus_an_error_column(TemplateLanguage language, string errorHeader)
    {
        var (upload, plan) = UploadWithErrors(language);

        var report = _reader.Read(_writer.Create(language, plan.FailedRows(upload.Rows)));

        Assert.True(report.Succeeded, report.Failure?.Message);
        var template = report.Template!;
        Assert.Equal(language, template.Language);
        Assert.Contains(errorHeader, template.IgnoredColumns);
        // The failed rows come back as they were uploaded: Contoso (rows 2, 4, 7) and Fabrikam (rows 3, 5).
        var failedNumbers = plan.FailedTenants.SelectMany(t => t.Rows).Order().ToList();
        Assert.Equal([2, 3, 4, 5, 7], failedNumbers);
        Assert.Equal(failedNumbers.Count, template.Rows.Count);
        for (var i = 0; i < failedNumbers.Count; i++)
        {
            var original = upload.Rows.Single(r => r.Number == failedNumbers[i]);
            Assert.All(TemplateColumns.All, c =>
                Assert.Equal(Normalise(original[c.Field]), Normalise(template.Rows[i][c.Field])));
        }
    }

    [Fact]
    public void The_error_column_says_what_is_wrong_and_the_bad_cells_stand_out()
    {
        var (upload, plan) = UploadWithErrors(TemplateLanguage.English);

        using var workbook = new XLWorkbook(new MemoryStream(_writer.Create(TemplateLanguage.English, plan.FailedRows(upload.Rows))));
        var sheet = workbook.Worksheet(1);

        Assert.Equal("Error", sheet.Cell(1, 11).GetString());
        Assert.Equal("Row in uploaded file", sheet.Cell(1, 12).GetString());
        // Rows keep the upload's order: report row 4 is upload row 4, John Smith, whose email was broken.
        Assert.Equal([2, 3, 4, 5, 7], Enumerable.Range(2, 5).Select(r => sheet.Cell(r, 12).GetValue<int>()));
        Assert.Equal("Contact email: 'john.smith@' is not a valid email address.", sheet.Cell(4, 11).GetString());
        Assert.NotEqual(sheet.Cell(4, 4).Style.Fill.BackgroundColor, sheet.Cell(4, 5).Style.Fill.BackgroundColor);
        // Report row 2 is upload row 2, Jane Doe: valid, held back by row 4.
        Assert.Equal("Not imported because row 4 of tenant 'Contoso Ltd' has errors.", sheet.Cell(2, 11).GetString());
        Assert.Equal("Help", workbook.Worksheet(2).Name);
    }

    [Fact]
    public void Fixing_the_error_report_and_uploading_it_again_imports_the_tenants()
    {
        var (upload, plan) = UploadWithErrors(TemplateLanguage.English);
        using var workbook = new XLWorkbook(new MemoryStream(_writer.Create(TemplateLanguage.English, plan.FailedRows(upload.Rows))));
        var sheet = workbook.Worksheet(1);
        sheet.Cell(4, 5).Value = "john.smith@contoso.com";
        sheet.Cell(5, 6).Value = "+33";
        using var fixedFile = new MemoryStream();
        workbook.SaveAs(fixedFile);

        var result = _reader.Read(fixedFile.ToArray());
        var replan = TenantGrouping.Group(result.Template!.Rows, result.Template.Language);

        Assert.Empty(replan.Errors);
        Assert.Equal(["Contoso Ltd", "Fabrikam SAS"], replan.Tenants.Select(t => t.Request.Name));
        Assert.Equal(FilledDataset.ExpectedTenants[..2], FilledDataset.Describe(replan));
    }

    [Fact]
    public void Text_that_looks_like_a_formula_or_a_number_is_written_as_text()
    {
        var row = new TemplateRow(9, new Dictionary<TemplateField, string>
        {
            [TemplateField.TenantName] = "=HYPERLINK(\"http://evil.example\")",
            [TemplateField.ContactName] = "00123",
            [TemplateField.CountryCode] = "+44",
            [TemplateField.PrimaryContact] = "TRUE",
        });

        using var workbook = new XLWorkbook(new MemoryStream(_writer.Create(TemplateLanguage.English, [new FailedRow(row, ["Formulas are not allowed."])])));
        var sheet = workbook.Worksheet(1);

        Assert.All(new[] { 1, 2, 3, 6 }, column =>
        {
            Assert.False(sheet.Cell(2, column).HasFormula);
            Assert.Equal(XLDataType.Text, sheet.Cell(2, column).DataType);
        });
        Assert.Equal("=HYPERLINK(\"http://evil.example\")", sheet.Cell(2, 1).GetString());
        Assert.Equal("00123", sheet.Cell(2, 2).GetString());
    }

    /// <summary>The filled dataset with a broken email on row 4 (Contoso) and a broken country code on row 5 (Fabrikam).</summary>
    private (ParsedTemplate Upload, ImportPlan Plan) UploadWithErrors(TemplateLanguage language)
    {
        using var workbook = new XLWorkbook(new MemoryStream(FilledDataset.FilledTemplate(language)));
        var sheet = workbook.Worksheet(1);
        sheet.Cell(4, 5).SetValue("john.smith@");
        sheet.Cell(5, 6).SetValue("33a");
        using var file = new MemoryStream();
        workbook.SaveAs(file);

        var upload = _reader.Read(file.ToArray()).Template!;
        var plan = TenantGrouping.Group(upload.Rows, upload.Language);
        Assert.Equal(["Northwind Traders"], plan.Tenants.Select(t => t.Request.Name));
        return (upload, plan);
    }

    private static string? Normalise(string? text) => string.IsNullOrEmpty(text) ? null : text;
}
