using ClosedXML.Excel;
using Tenancy.Core.Imports;
using F = Tenancy.Core.Imports.TemplateField;

namespace Tenancy.Excel.Tests;

public class TenantExportWriterTests
{
    private readonly TenantExportWriter _writer = new();
    private readonly TemplateReader _reader = new();

    [Theory]
    [InlineData(TemplateLanguage.English, "Tenants", "TRUE,FALSE")]
    [InlineData(TemplateLanguage.French, "Locataires", "VRAI,FAUX")]
    public async Task An_export_opens_in_closedxml_as_the_template_sheet_with_its_headers_text_columns_and_validations(
        TemplateLanguage language, string sheetName, string primaryList)
    {
        var file = await WriteAsync(language, Row("Contoso", "Ann Lee"));

        using var workbook = new XLWorkbook(new MemoryStream(file));
        var sheet = workbook.Worksheet(1);
        Assert.Equal(sheetName, sheet.Name);
        foreach (var column in TemplateColumns.All)
        {
            var header = sheet.Cell(1, (int)column.Field + 1);
            Assert.Equal(column.Header(language), header.GetString());
            Assert.True(header.Style.Font.Bold);
            Assert.Equal(49, sheet.Cell(2, (int)column.Field + 1).Style.NumberFormat.NumberFormatId); // "@", text
        }
        Assert.Equal(1, sheet.SheetView.SplitRow);
        var primary = sheet.Cell(2, (int)F.PrimaryContact + 1).DataValidation;
        Assert.Equal(XLAllowedValues.List, primary.AllowedValues);
        Assert.Equal($"\"{primaryList}\"", primary.Value);
        Assert.Equal(XLAllowedValues.TextLength, sheet.Cell(2, (int)F.TenantName + 1).DataValidation.AllowedValues);
    }

    [Fact]
    public async Task Every_value_reads_back_exactly_as_written_even_text_that_looks_like_numbers_dates_formulas_or_escapes()
    {
        string[] tricky =
        [
            "+33", "0044 20 7946 0000", "=1+1", "2026-01-02", "TRUE", " padded  ", "a & b < c > d \"q\" 'a'",
            "line one\nline two", "crlf\r\nline", "tab\there", "literal _x0041_ escape", "_x005F_ and _X00e9_ too",
            "emoji 👩‍💻 and é, 中文, عربى", "lone \ud800 surrogate",
        ];
        var rows = tricky.Select((text, i) => Row($"Tenant {i}", text, notes: text)).ToArray();

        var read = _reader.Read(await WriteAsync(TemplateLanguage.English, rows));

        Assert.True(read.Succeeded, read.Failure?.Message);
        Assert.Equal(tricky.Length, read.Template!.Rows.Count);
        for (var i = 0; i < tricky.Length; i++)
        {
            // A lone surrogate is no character, so it cannot come back; ClosedXML reads a line break as Excel writes it (LF).
            var expected = tricky[i].Replace("\ud800", "\uFFFD").Replace("\r\n", "\n");
            Assert.Empty(read.Template.Rows[i].Problems);
            Assert.Equal(expected, read.Template.Rows[i][F.ContactName]);
            Assert.Equal(expected, read.Template.Rows[i][F.TenantNotes]);
        }
    }

    [Fact]
    public async Task Rows_are_written_to_the_output_while_they_come_not_all_at_the_end()
    {
        var output = new MemoryStream();
        var seenBeforeTheLastRow = 0L;

        async IAsyncEnumerable<IReadOnlyDictionary<F, string>> Rows()
        {
            for (var i = 0; i < 5000; i++)
            {
                if (i == 4999) seenBeforeTheLastRow = output.Length;
                await Task.Yield();
                yield return Row($"Tenant {i:D5} {Guid.NewGuid()}", $"Contact {Guid.NewGuid()}", notes: Guid.NewGuid().ToString());
            }
        }

        await _writer.WriteAsync(output, TemplateLanguage.English, Rows(), CancellationToken.None);

        Assert.True(seenBeforeTheLastRow > 64 * 1024, $"only {seenBeforeTheLastRow} bytes were written before the last row");
        var read = _reader.Read(output.ToArray());
        Assert.True(read.Succeeded, read.Failure?.Message);
        Assert.Equal(5000, read.Template!.Rows.Count);
    }

    private static IReadOnlyDictionary<F, string> Row(string tenant, string contact, string? notes = null)
    {
        var row = new Dictionary<F, string> { [F.TenantName] = tenant, [F.ContactName] = contact, [F.PrimaryContact] = "TRUE" };
        if (notes is not null) row[F.TenantNotes] = notes;
        return row;
    }

    private async Task<byte[]> WriteAsync(TemplateLanguage language, params IReadOnlyDictionary<F, string>[] rows)
    {
        var output = new MemoryStream();
        await _writer.WriteAsync(output, language, rows.ToAsyncEnumerable(), CancellationToken.None);
        return output.ToArray();
    }
}
