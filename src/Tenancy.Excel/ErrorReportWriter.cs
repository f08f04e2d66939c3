using ClosedXML.Excel;
using Tenancy.Core.Imports;

namespace Tenancy.Excel;

/// <summary>
/// Writes the failed rows of an import (R9) as a template in the file's language plus an "Error" column,
/// so that they can be fixed and uploaded again: the importer ignores the extra columns.
/// </summary>
public sealed class ErrorReportWriter : IErrorReportWriter
{
    public byte[] Create(TemplateLanguage language, IEnumerable<FailedRow> rows)
    {
        var texts = TemplateTexts.For(language);
        using var workbook = new XLWorkbook();
        var sheet = TemplateLayout.AddTenantSheet(workbook, language);

        var errorColumn = TemplateColumns.All.Count + 1;
        var sourceColumn = errorColumn + 1;
        sheet.Column(errorColumn).Width = 70;
        sheet.Column(errorColumn).Style.Alignment.WrapText = true;
        sheet.Column(sourceColumn).Width = 14;
        sheet.Cell(1, errorColumn).SetValue(texts.ErrorColumn);
        sheet.Cell(1, sourceColumn).SetValue(texts.SourceRowColumn);
        TemplateLayout.StyleHeader(sheet.Cell(1, errorColumn));
        TemplateLayout.StyleHeader(sheet.Cell(1, sourceColumn));
        sheet.Cell(1, errorColumn).Style.Font.FontColor = XLColor.FromHtml("#C00000");

        var rowNumber = 1;
        foreach (var failed in rows)
        {
            rowNumber++;
            TemplateLayout.WriteRow(sheet, rowNumber, field => failed.Row[field]);
            var error = sheet.Cell(rowNumber, errorColumn);
            error.SetValue(string.Join("\n", failed.Messages));
            error.Style.Font.FontColor = XLColor.FromHtml("#C00000");
            sheet.Cell(rowNumber, sourceColumn).SetValue(failed.Row.Number);
            foreach (var field in failed.Fields)
                sheet.Cell(rowNumber, TemplateLayout.ColumnNumber(field)).Style.Fill.BackgroundColor = XLColor.FromHtml("#FFC7CE");
        }

        TemplateLayout.AddHelpSheet(workbook, language);
        sheet.SetTabActive();
        return TemplateLayout.Save(workbook);
    }
}
