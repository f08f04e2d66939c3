using System.IO.Compression;
using System.Text;
using ClosedXML.Excel;
using Tenancy.Core.Imports;

namespace Tenancy.Excel.Tests;

/// <summary>
/// Files are judged by what they cost to read (expanded size, XML depth and element count), not by how well they
/// compress: a file built to be slow is refused before the spreadsheet library loads it, an honest one is read.
/// </summary>
public class ComplexityLimitTests
{
    private static byte[] Filled(int rows, Func<int, string[]> row, int inlineColumn = 0)
    {
        using var workbook = new XLWorkbook(new MemoryStream(new TemplateWriter().Create(TemplateLanguage.English)));
        var sheet = workbook.Worksheet(1);
        sheet.Rows(2, sheet.LastRowUsed()!.RowNumber()).Delete();
        for (var r = 0; r < rows; r++)
        {
            var cells = row(r);
            for (var c = 0; c < cells.Length; c++)
                if (cells[c].Length > 0)
                {
                    var cell = sheet.Cell(r + 2, c + 1).SetValue(cells[c]);
                    // As other tools write text: in the sheet itself rather than in sharedStrings.xml.
                    if (c + 1 == inlineColumn) cell.ShareString = false;
                }
        }
        using var output = new MemoryStream();
        workbook.SaveAs(output);
        return output.ToArray();
    }

    private static string[] Row(int r, string notes = "") =>
        [$"Tenant {r:D5}", "Jane Doe", "TRUE", "", r % 100 == 7 ? "not an address" : $"jane@tenant{r}.com", "", "", "", notes, ""];

    /// <summary>Puts <paramref name="depth"/> nested unknown elements inside sharedStrings.xml, as the attack did.</summary>
    private static byte[] WithNestedSharedStrings(byte[] file, int depth)
    {
        using var buffer = new MemoryStream();
        buffer.Write(file);
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Update, leaveOpen: true))
        {
            var entry = zip.GetEntry("xl/sharedStrings.xml")!;
            string xml;
            using (var reader = new StreamReader(entry.Open())) xml = reader.ReadToEnd();
            var root = System.Text.RegularExpressions.Regex.Match(xml, @"<(\w+:)?sst\b[^>]*>");
            var open = root.Index + root.Length;
            var nested = new StringBuilder().Insert(0, "<x>", depth).Append(new StringBuilder().Insert(0, "</x>", depth)).ToString();
            entry.Delete();
            using var writer = new StreamWriter(zip.CreateEntry("xl/sharedStrings.xml").Open());
            writer.Write(xml[..open] + nested + xml[open..]);
        }
        return buffer.ToArray();
    }

    [Fact]
    public void A_part_nesting_thousands_of_elements_is_refused_before_loading()
    {
        var file = WithNestedSharedStrings(Filled(3, r => Row(r)), depth: 5_000);

        var result = new TemplateReader().Read(file);

        Assert.Equal(ImportFailure.TooComplex, result.Failure?.Code);
        Assert.Contains("nests elements more than 64 deep", result.Failure!.Message);
    }

    [Fact]
    public void A_file_with_more_xml_elements_than_the_limit_is_refused()
    {
        var file = Filled(200, r => Row(r));

        var result = new TemplateReader(new TemplateReaderOptions { MaxXmlElements = 1_000 }).Read(file);

        Assert.Equal(ImportFailure.TooComplex, result.Failure?.Code);
        Assert.Contains("more than 1,000 XML elements", result.Failure!.Message);
    }

    /// <summary>
    /// A sheet as a streaming writer makes it (inline strings, no cell references): the same long notes on 5,000
    /// rows of one tenant, so the sheet expands about a thousand times. Honest, and wrong: too many contacts.
    /// </summary>
    private static byte[] RepeatedRows(int rows)
    {
        static string Cell(string text) => $"<c t=\"inlineStr\"><is><t>{text}</t></is></c>";
        var note = string.Concat(Enumerable.Repeat("Key account; call the site manager before any visit. ", 9));
        var sheet = new StringBuilder("""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>""");
        sheet.Append("<row>").Append(string.Concat(TemplateColumns.All.Select(c => Cell(c.Header(TemplateLanguage.English))))).Append("</row>");
        var cells = Cell("Northwind") + Cell("Jane Doe") + Cell("FALSE") + Cell("") + Cell("") + Cell("") + Cell("") + Cell(note) + Cell(note) + Cell("");
        // Rows a whole number of deflate's longest matches (258 bytes) long, as a writer's padding may make them.
        var row = "<row>" + cells + new string(' ', (258 - (cells.Length + 11) % 258) % 258) + "</row>";
        for (var r = 0; r < rows; r++) sheet.Append(row);
        sheet.Append("</sheetData></worksheet>");

        using var buffer = new MemoryStream();
        buffer.Write(new TemplateWriter().Create(TemplateLanguage.English));
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Update, leaveOpen: true))
        {
            zip.GetEntry("xl/worksheets/sheet1.xml")!.Delete();
            using var writer = new StreamWriter(zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open());
            writer.Write(sheet.ToString());
        }
        return buffer.ToArray();
    }

    [Fact]
    public void An_honest_sheet_of_long_repeated_notes_is_read_and_gets_its_row_errors()
    {
        var file = RepeatedRows(5_000);
        using (var zip = new ZipArchive(new MemoryStream(file)))
        {
            var sheet = zip.GetEntry("xl/worksheets/sheet1.xml")!;
            Assert.True(sheet.Length > 1024 * 1024 && sheet.Length > 200 * sheet.CompressedLength, $"{sheet.Length} bytes from {sheet.CompressedLength}");
        }

        var result = new TemplateReader().Read(file);

        Assert.True(result.Succeeded, result.Failure?.Message);
        var plan = TenantGrouping.Group(result.Template!.Rows, result.Template.Language);
        Assert.Empty(plan.Tenants);
        Assert.NotEmpty(plan.Errors);
    }
}
