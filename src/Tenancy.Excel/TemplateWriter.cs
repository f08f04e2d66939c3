using ClosedXML.Excel;
using Tenancy.Core.Imports;

namespace Tenancy.Excel;

/// <summary>Builds the import template (R7): the tenant sheet with an example tenant, and a help sheet.</summary>
public sealed class TemplateWriter : ITemplateWriter
{
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
}
