using ClosedXML.Excel;
using Tenancy.Core.Imports;

namespace Tenancy.Excel.Tests;

public class TemplateReaderTests
{
    private readonly TemplateReader _reader = new();

    [Theory]
    [InlineData(TemplateLanguage.English)]
    [InlineData(TemplateLanguage.French)]
    public void A_filled_template_groups_into_the_expected_tenants(TemplateLanguage language)
    {
        var result = _reader.Read(FilledDataset.FilledTemplate(language));

        Assert.True(result.Succeeded, result.Failure?.Message);
        var plan = TenantGrouping.Group(result.Template!.Rows, result.Template.Language);
        Assert.Equal(FilledDataset.ExpectedTenants, FilledDataset.Describe(plan));
        Assert.Equal([[2, 4, 7], [3, 5], [6]], plan.Tenants.Select(t => t.Rows.ToArray()));
        Assert.Empty(plan.Errors);
        Assert.Equal(6, plan.RowCount);
        var warning = Assert.Single(plan.Warnings);
        Assert.Equal(7, warning.Row);
    }

    [Fact]
    public void Numbers_and_booleans_typed_where_text_belongs_are_read_sensibly()
    {
        var file = Workbook(sheet =>
        {
            Headers(sheet, 1);
            sheet.Cell(2, 1).SetValue("Contoso");
            sheet.Cell(2, 2).SetValue("Jane");
            sheet.Cell(2, 3).SetValue(true);
            sheet.Cell(2, 6).SetValue(33);
            sheet.Cell(2, 7).SetValue(612345678);
            sheet.Cell(2, 9).SetValue(2019);
            sheet.Cell(3, 1).SetValue(1977);
            sheet.Cell(3, 2).SetValue("John");
            sheet.Cell(3, 3).SetValue(0);
            sheet.Cell(3, 7).SetValue(12.5);
        });

        var rows = _reader.Read(file).Template!.Rows;

        Assert.Equal("TRUE", rows[0][TemplateField.PrimaryContact]);
        Assert.Equal("+33", rows[0][TemplateField.CountryCode]);
        Assert.Equal("612345678", rows[0][TemplateField.ContactPhone]);
        Assert.Equal("2019", rows[0][TemplateField.TenantNotes]);
        Assert.Empty(rows[0].Problems);
        Assert.Equal("1977", rows[1][TemplateField.TenantName]);
        Assert.Equal("0", rows[1][TemplateField.PrimaryContact]);
        var problem = Assert.Single(rows[1].Problems);
        Assert.Equal(TemplateField.ContactPhone, problem.Field);
    }

    [Fact]
    public void The_header_row_is_the_first_non_empty_row_and_row_numbers_are_the_sheets()
    {
        var file = Workbook(sheet =>
        {
            Headers(sheet, 3);
            sheet.Cell(4, 1).SetValue("Contoso");
            sheet.Cell(4, 2).SetValue("Jane");
            sheet.Cell(6, 1).SetValue("Contoso");
            sheet.Cell(6, 2).SetValue("John");
        });

        var template = _reader.Read(file).Template!;

        Assert.Equal(3, template.HeaderRow);
        Assert.Equal([4, 6], template.Rows.Select(r => r.Number));
    }

    [Fact]
    public void Unknown_columns_are_ignored_and_rows_with_only_them_are_blank()
    {
        var file = Workbook(sheet =>
        {
            sheet.Cell(1, 1).SetValue("Notes to self");
            sheet.Cell(1, 2).SetValue("Tenant name");
            sheet.Cell(1, 3).SetValue("Contact name");
            sheet.Cell(2, 1).SetValue("call Monday");
            sheet.Cell(2, 2).SetValue("Contoso");
            sheet.Cell(2, 3).SetValue("Jane");
            sheet.Cell(3, 1).SetValue("only a note");
        });

        var template = _reader.Read(file).Template!;

        Assert.Equal(["Notes to self"], template.IgnoredColumns);
        var plan = TenantGrouping.Group(template.Rows, template.Language);
        Assert.Equal(1, plan.RowCount);
        Assert.Single(plan.Tenants);
    }

    [Fact]
    public void Reads_the_first_sheet_that_has_the_template_headers()
    {
        var file = Workbook(
            sheet => sheet.Cell(1, 1).SetValue("Read me first"),
            sheet =>
            {
                Headers(sheet, 1);
                sheet.Cell(2, 1).SetValue("Contoso");
                sheet.Cell(2, 2).SetValue("Jane");
            });

        var template = _reader.Read(file).Template!;

        Assert.Equal("Sheet2", template.SheetName);
        Assert.Single(template.Rows);
    }

    [Fact]
    public async Task Stops_reading_a_stream_past_the_size_limit_even_when_its_length_is_unknown()
    {
        var reader = new TemplateReader(new TemplateReaderOptions { MaxFileBytes = 1000 });
        await using var stream = new UnseekableStream(new MemoryStream(new byte[5000]));

        var result = await reader.ReadAsync(stream, CancellationToken.None);

        Assert.Equal(ImportFailure.TooLarge, result.Failure?.Code);
        Assert.True(stream.BytesRead <= 1000 + 81920);
    }

    [Fact]
    public async Task Reads_an_unseekable_stream()
    {
        await using var stream = new UnseekableStream(new MemoryStream(FilledDataset.FilledTemplate(TemplateLanguage.English)));

        var result = await _reader.ReadAsync(stream, CancellationToken.None);

        Assert.True(result.Succeeded, result.Failure?.Message);
    }

    [Fact]
    public void Refuses_parts_that_expand_beyond_the_total_limit()
    {
        var reader = new TemplateReader(new TemplateReaderOptions { MaxUncompressedBytes = 10_000 });

        var result = reader.Read(FilledDataset.FilledTemplate(TemplateLanguage.English));

        Assert.Equal(ImportFailure.ZipBomb, result.Failure?.Code);
    }

    [Fact]
    public void Refuses_more_data_rows_than_the_limit()
    {
        var reader = new TemplateReader(new TemplateReaderOptions { MaxDataRows = 5 });

        var result = reader.Read(FilledDataset.FilledTemplate(TemplateLanguage.English));

        Assert.Equal(ImportFailure.TooManyRows, result.Failure?.Code);
        Assert.Contains("more than 5 data rows", result.Failure!.Message);
    }

    [Fact]
    public void Accepts_exactly_the_row_limit()
    {
        var reader = new TemplateReader(new TemplateReaderOptions { MaxDataRows = 6 });

        Assert.True(reader.Read(FilledDataset.FilledTemplate(TemplateLanguage.English)).Succeeded);
    }

    [Fact]
    public void Refuses_a_workbook_far_beyond_the_row_limit_before_loading_it()
    {
        var reader = new TemplateReader(new TemplateReaderOptions { MaxDataRows = 10 });
        var file = Workbook(sheet =>
        {
            Headers(sheet, 1);
            for (var row = 2; row <= 1100; row++)
                sheet.Cell(row, 1).SetValue("T");
        });

        var result = reader.Read(file);

        Assert.Equal(ImportFailure.TooManyRows, result.Failure?.Code);
        Assert.StartsWith("The workbook has more than 10 rows", result.Failure!.Message);
    }

    private static void Headers(IXLWorksheet sheet, int row)
    {
        foreach (var column in TemplateColumns.All)
            sheet.Cell(row, (int)column.Field + 1).SetValue(column.English);
    }

    private static byte[] Workbook(params Action<IXLWorksheet>[] sheets)
    {
        using var workbook = new XLWorkbook();
        for (var i = 0; i < sheets.Length; i++)
            sheets[i](workbook.Worksheets.Add($"Sheet{i + 1}"));
        using var output = new MemoryStream();
        workbook.SaveAs(output);
        return output.ToArray();
    }

    private sealed class UnseekableStream(Stream inner) : Stream
    {
        public long BytesRead { get; private set; }
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = inner.Read(buffer, offset, count);
            BytesRead += read;
            return read;
        }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
