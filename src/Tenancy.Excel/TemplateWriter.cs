using ClosedXML.Excel;
using Tenancy.Core.Imports;

namespace Tenancy.Excel;

/// <summary>Builds the import template (R7): the tenant sheet with an example tenant, and a help sheet.</summary>
public sealed class TemplateWriter
{
    public const string ContentType = TemplateLayout.ContentType;

    public static string FileName(TemplateLanguage language) =>
        language == TemplateLanguage.French ? "modele-import-locataires.xlsx" : "tenant-import-template.xlsx";

    public byte[] Create(TemplateLanguage language)
    {
        using var workbook = new XLWorkbook();
        var sheet = TemplateLayout.AddTenantSheet(workbook, language);

        var examples = TemplateExample.Rows(language);
        for (var i = 0; i < examples.Count; i++)
        {
            var example = examples[i];
            TemplateLayout.WriteRow(sheet, i + 2, field => example.TryGetValue(field, out var value) ? value : null);
        }
        var exampleRange = sheet.Range(2, 1, examples.Count + 1, TemplateColumns.All.Count);
        exampleRange.Style.Fill.BackgroundColor = XLColor.FromHtml("#FFF2CC");
        exampleRange.Style.Font.Italic = true;
        exampleRange.Style.Font.FontColor = XLColor.FromHtml("#7F6000");

        TemplateLayout.AddHelpSheet(workbook, language);
        sheet.SetTabActive();
        return TemplateLayout.Save(workbook);
    }

    /// <summary>Writes the template; the workbook is built in memory first, so the output stream is only written asynchronously.</summary>
    public async Task WriteAsync(Stream output, TemplateLanguage language, CancellationToken cancellationToken)
    {
        var bytes = Create(language);
        await output.WriteAsync(bytes, cancellationToken);
    }
}
