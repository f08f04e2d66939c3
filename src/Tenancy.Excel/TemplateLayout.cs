using System.Globalization;
using ClosedXML.Excel;
using Tenancy.Core.Imports;

namespace Tenancy.Excel;

/// <summary>
/// The layout shared by the template and the error report, so that an error report is itself a template:
/// the tenant sheet (headers, widths, text format, validations) and the help sheet.
/// </summary>
internal static class TemplateLayout
{
    /// <summary>Rows below the header that get the validations; text format covers whole columns.</summary>
    public const int ValidatedRows = 100_000;

    // Widths are set by hand: measuring text (AdjustToContents) needs fonts ClosedXML cannot load on Linux.
    private static readonly IReadOnlyDictionary<TemplateField, double> Widths = new Dictionary<TemplateField, double>
    {
        [TemplateField.TenantName] = 34,
        [TemplateField.ContactName] = 24,
        [TemplateField.PrimaryContact] = 18,
        [TemplateField.ContactRole] = 24,
        [TemplateField.ContactEmail] = 32,
        [TemplateField.CountryCode] = 12,
        [TemplateField.ContactPhone] = 24,
        [TemplateField.ContactNotes] = 36,
        [TemplateField.TenantNotes] = 40,
        [TemplateField.Domains] = 32,
    };

    public static int ColumnNumber(TemplateField field) => (int)field + 1;

    public static double Width(TemplateField field) => Widths[field];

    public static IXLWorksheet AddTenantSheet(XLWorkbook workbook, TemplateLanguage language)
    {
        var texts = TemplateTexts.For(language);
        var sheet = workbook.Worksheets.Add(texts.DataSheet);

        foreach (var column in TemplateColumns.All)
        {
            var number = ColumnNumber(column.Field);
            var xlColumn = sheet.Column(number);
            xlColumn.Width = Widths[column.Field];
            xlColumn.Style.NumberFormat.Format = "@";

            var header = sheet.Cell(1, number);
            header.SetValue(column.Header(language));
            StyleHeader(header);

            var body = sheet.Range(2, number, ValidatedRows + 1, number);
            if (column.Field == TemplateField.PrimaryContact)
            {
                var validation = body.SetDataValidation();
                validation.List($"\"{texts.True},{texts.False}\"", true);
                validation.IgnoreBlanks = true;
                validation.ErrorStyle = XLErrorStyle.Stop;
                validation.ErrorTitle = texts.PrimaryErrorTitle;
                validation.ErrorMessage = texts.PrimaryErrorMessage;
            }
            else if (column.MaxLength is { } max)
            {
                var validation = body.SetDataValidation();
                validation.TextLength.EqualOrLessThan(max);
                validation.IgnoreBlanks = true;
                validation.ErrorStyle = XLErrorStyle.Stop;
                validation.ErrorTitle = texts.LengthErrorTitle;
                validation.ErrorMessage = string.Format(CultureInfo.InvariantCulture, texts.LengthErrorMessage, max);
            }
        }
        sheet.SheetView.FreezeRows(1);
        return sheet;
    }

    public static void StyleHeader(IXLCell cell)
    {
        cell.Style.Font.Bold = true;
        cell.Style.Fill.BackgroundColor = XLColor.FromHtml("#DDEBF7");
        cell.Style.Border.BottomBorder = XLBorderStyleValues.Thin;
    }

    public static void WriteRow(IXLWorksheet sheet, int rowNumber, Func<TemplateField, string?> valueOf)
    {
        foreach (var column in TemplateColumns.All)
        {
            var value = valueOf(column.Field);
            // SetValue<string> stores text as is: no number, date or formula guessing.
            if (!string.IsNullOrEmpty(value)) sheet.Cell(rowNumber, ColumnNumber(column.Field)).SetValue(value);
        }
    }

    public static void AddHelpSheet(XLWorkbook workbook, TemplateLanguage language)
    {
        var texts = TemplateTexts.For(language);
        var sheet = workbook.Worksheets.Add(texts.HelpSheet);
        sheet.Column(1).Width = 34;
        sheet.Column(2).Width = 12;
        sheet.Column(3).Width = 110;
        sheet.Column(3).Style.Alignment.WrapText = true;
        sheet.Column(1).Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
        sheet.Column(2).Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;

        var title = sheet.Cell(1, 1);
        title.SetValue(texts.HelpTitle);
        title.Style.Font.Bold = true;
        title.Style.Font.FontSize = 14;

        var row = 3;
        foreach (var line in texts.HelpIntro)
        {
            sheet.Cell(row, 1).SetValue("•");
            sheet.Cell(row, 1).Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Right;
            sheet.Cell(row, 3).SetValue(line);
            row++;
        }

        row++;
        string[] headings = [texts.ColumnHeading, texts.RequiredHeading, texts.DescriptionHeading];
        for (var i = 0; i < headings.Length; i++)
        {
            sheet.Cell(row, i + 1).SetValue(headings[i]);
            StyleHeader(sheet.Cell(row, i + 1));
        }
        foreach (var column in TemplateColumns.All)
        {
            row++;
            sheet.Cell(row, 1).SetValue(column.Header(language));
            sheet.Cell(row, 1).Style.Font.Bold = true;
            sheet.Cell(row, 2).SetValue(column.Required ? texts.Yes : texts.No);
            sheet.Cell(row, 3).SetValue(column.Help(language));
        }
    }

    public static byte[] Save(XLWorkbook workbook)
    {
        using var buffer = new MemoryStream();
        workbook.SaveAs(buffer);
        return buffer.ToArray();
    }
}
