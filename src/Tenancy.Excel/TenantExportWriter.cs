using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using Tenancy.Core.Imports;

namespace Tenancy.Excel;

/// <summary>
/// Writes an export as a template workbook (R12): the template's tenant sheet (its name, headers, widths, text format,
/// frozen header and validations, in the chosen language) with one row per template row, written as the rows come.
/// ClosedXML builds a whole workbook in memory, so the sheet is written here with an <see cref="XmlWriter"/> straight
/// into the zip package, strings inline (a shared-string table would hold every value), and drained to the output
/// every few kilobytes.
/// </summary>
public sealed class TenantExportWriter : ITenantExportWriter
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const int DrainAt = 64 * 1024;
    private const int HeaderStyle = 1, TextStyle = 2;

    public async Task WriteAsync(Stream output, TemplateLanguage language, IAsyncEnumerable<IReadOnlyDictionary<TemplateField, string>> rows,
        CancellationToken cancellationToken)
    {
        var texts = TemplateTexts.For(language);
        var pending = new PendingBytes();
        using (var zip = new ZipArchive(pending, ZipArchiveMode.Create, leaveOpen: true))
        {
            Part(zip, "[Content_Types].xml", ContentTypes);
            Part(zip, "_rels/.rels", PackageRelationships);
            Part(zip, "xl/workbook.xml", Workbook(texts.DataSheet));
            Part(zip, "xl/_rels/workbook.xml.rels", WorkbookRelationships);
            Part(zip, "xl/styles.xml", Styles);

            await using var sheetStream = zip.CreateEntry("xl/worksheets/sheet1.xml").Open();
            using var xml = XmlWriter.Create(sheetStream, new XmlWriterSettings
            {
                Encoding = new UTF8Encoding(false), CloseOutput = false, NewLineHandling = NewLineHandling.Entitize, // a CR stays a CR
            });
            xml.WriteStartDocument(standalone: true);
            xml.WriteStartElement("worksheet", Main);
            xml.WriteAttributeString("xmlns", "r", null, Relationships);
            SheetViewAndColumns(xml);

            xml.WriteStartElement("sheetData", Main);
            var rowNumber = 1;
            WriteRow(xml, rowNumber, field => TemplateColumns.Header(field, language), HeaderStyle);
            await foreach (var row in rows.WithCancellation(cancellationToken))
            {
                WriteRow(xml, ++rowNumber, field => row.TryGetValue(field, out var value) ? value : null, TextStyle);
                if (pending.Pending >= DrainAt) await pending.DrainToAsync(output, cancellationToken);
            }
            xml.WriteEndElement();

            Validations(xml, texts, Math.Max(TemplateLayout.ValidatedRows + 1, rowNumber));
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }
        await pending.DrainToAsync(output, cancellationToken);
    }

    private static void SheetViewAndColumns(XmlWriter xml)
    {
        xml.WriteStartElement("sheetViews", Main);
        xml.WriteStartElement("sheetView", Main);
        xml.WriteAttributeString("tabSelected", "1");
        xml.WriteAttributeString("workbookViewId", "0");
        xml.WriteStartElement("pane", Main);
        xml.WriteAttributeString("ySplit", "1");
        xml.WriteAttributeString("topLeftCell", "A2");
        xml.WriteAttributeString("activePane", "bottomLeft");
        xml.WriteAttributeString("state", "frozen");
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();

        xml.WriteStartElement("cols", Main);
        foreach (var column in TemplateColumns.All)
        {
            var number = Invariant(TemplateLayout.ColumnNumber(column.Field));
            xml.WriteStartElement("col", Main);
            xml.WriteAttributeString("min", number);
            xml.WriteAttributeString("max", number);
            xml.WriteAttributeString("width", Invariant(TemplateLayout.Width(column.Field)));
            xml.WriteAttributeString("style", Invariant(TextStyle));
            xml.WriteAttributeString("customWidth", "1");
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    }

    private static void WriteRow(XmlWriter xml, int number, Func<TemplateField, string?> valueOf, int style)
    {
        var rowNumber = Invariant(number);
        xml.WriteStartElement("row", Main);
        xml.WriteAttributeString("r", rowNumber);
        foreach (var column in TemplateColumns.All)
        {
            var value = valueOf(column.Field);
            if (string.IsNullOrEmpty(value)) continue;
            xml.WriteStartElement("c", Main);
            xml.WriteAttributeString("r", ColumnLetter(column.Field) + rowNumber);
            xml.WriteAttributeString("s", Invariant(style));
            xml.WriteAttributeString("t", "inlineStr");
            xml.WriteStartElement("is", Main);
            xml.WriteStartElement("t", Main);
            xml.WriteAttributeString("xml", "space", null, "preserve");
            xml.WriteString(SpreadsheetText.Escape(value));
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    }

    /// <summary>The template's validations (<see cref="TemplateLayout.AddTenantSheet"/>): TRUE/FALSE for the primary, lengths for the rest.</summary>
    private static void Validations(XmlWriter xml, TemplateTexts texts, int lastRow)
    {
        var validated = TemplateColumns.All.Where(c => c.Field == TemplateField.PrimaryContact || c.MaxLength is not null).ToList();
        xml.WriteStartElement("dataValidations", Main);
        xml.WriteAttributeString("count", Invariant(validated.Count));
        foreach (var column in validated)
        {
            var primary = column.Field == TemplateField.PrimaryContact;
            xml.WriteStartElement("dataValidation", Main);
            xml.WriteAttributeString("type", primary ? "list" : "textLength");
            if (!primary) xml.WriteAttributeString("operator", "lessThanOrEqual");
            xml.WriteAttributeString("errorStyle", "stop");
            xml.WriteAttributeString("allowBlank", "1");
            xml.WriteAttributeString("showErrorMessage", "1");
            xml.WriteAttributeString("errorTitle", primary ? texts.PrimaryErrorTitle : texts.LengthErrorTitle);
            xml.WriteAttributeString("error", primary
                ? texts.PrimaryErrorMessage
                : string.Format(CultureInfo.InvariantCulture, texts.LengthErrorMessage, column.MaxLength));
            var letter = ColumnLetter(column.Field);
            xml.WriteAttributeString("sqref", $"{letter}2:{letter}{Invariant(lastRow)}");
            xml.WriteElementString("formula1", Main, primary ? $"\"{texts.True},{texts.False}\"" : Invariant(column.MaxLength!.Value));
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    }

    private static string ColumnLetter(TemplateField field) => ((char)('A' + TemplateLayout.ColumnNumber(field) - 1)).ToString();

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Invariant(double value) => value.ToString(CultureInfo.InvariantCulture);

    private static void Part(ZipArchive zip, string name, string content)
    {
        using var stream = zip.CreateEntry(name).Open();
        stream.Write(Encoding.UTF8.GetBytes(content));
    }

    private const string ContentTypes =
        """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>""";

    private const string PackageRelationships =
        """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""";

    private const string WorkbookRelationships =
        """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>""";

    private static string Workbook(string sheetName) =>
        $"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="{Main}" xmlns:r="{Relationships}"><sheets><sheet name="{System.Security.SecurityElement.Escape(sheetName)}" sheetId="1" r:id="rId1"/></sheets></workbook>""";

    // Styles: 0 default, 1 the template's header (bold, light blue, bottom border, text), 2 text ("@", numFmt 49).
    private const string Styles =
        """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFDDEBF7"/><bgColor indexed="64"/></patternFill></fill></fills><borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border><left/><right/><top/><bottom style="thin"><color indexed="64"/></bottom><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="49" fontId="1" fillId="2" borderId="1" xfId="0" applyNumberFormat="1" applyFont="1" applyFill="1" applyBorder="1"/><xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>""";
}
