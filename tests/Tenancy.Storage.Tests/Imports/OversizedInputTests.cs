using System.IO.Compression;
using System.Text;
using ClosedXML.Excel;
using Tenancy.Core.Common;
using Tenancy.Core.Imports;
using Tenancy.TestSupport;

namespace Tenancy.Storage.Tests.Imports;

/// <summary>
/// Issue 11: no value in a file can make a write of the job fail, and the job stays small whatever the number of
/// errors. Each file here used to leave its job "parsing" (the write of its record failed) or answered every error.
/// </summary>
[Collection(AzuriteCollection.Name)]
public class OversizedInputTests(AzuriteFixture azurite)
{
    private const int ExcelCellMax = 32_767;

    private static string Huge(char c = 'x') => new(c, ExcelCellMax);

    [Fact]
    public async Task Cells_as_long_as_Excel_allows_end_as_row_errors_that_fit_storage_and_the_error_report_downloads_twice()
    {
        await using var harness = await ImportHarness.StartAsync(azurite);
        var file = ImportHarness.Workbook(
            [Huge(), "Ann", "TRUE", "", "ann@contoso.com", "", "", "", "", "contoso.com"],
            ["Contoso", Huge(), Huge(), Huge(), Huge('@'), Huge('1'), Huge('2'), Huge(), Huge(), Huge()],
            ["Fabrikam", "Bob", "TRUE", "", "bob@fabrikam.com", "", "", "", "", "fabrikam.com"]);

        await harness.ParseAsync(file);
        await harness.DeliverAllAsync();

        var job = await harness.OnlyJobAsync();
        Assert.Equal((ImportStatus.CompletedWithErrors, 1, 2), (job.Status, job.CreatedCount, job.FailedCount));
        Assert.All(job.AllErrors, e => Assert.InRange(e.Message.Length, 1, ImportEchoes.MessageMax));
        Assert.Contains(job.AllErrors, e => e.Row == 3 && e.Column == "Primary contact" && e.Message.Contains("is not true or false"));
        var (_, rows) = await harness.Imports.FailedRowsAsync(harness.AccountId, job.Id, CancellationToken.None);
        var (_, again) = await harness.Imports.FailedRowsAsync(harness.AccountId, job.Id, CancellationToken.None);
        Assert.Equal([2, 3], again.Select(r => r.Row.Number));
        Assert.Equal(rows.Select(r => r.Messages.Count), again.Select(r => r.Messages.Count));
        Assert.All(again.SelectMany(r => r.Row.Cells.Values), cell => Assert.True(cell.Length <= ImportEchoes.ReportCellMax));
    }

    [Fact]
    public async Task A_header_as_long_as_Excel_allows_is_ignored_and_the_file_imports()
    {
        await using var harness = await ImportHarness.StartAsync(azurite);
        var file = ImportHarness.Workbook(["Contoso", "Ann", "TRUE", "", "ann@contoso.com", "", "", "", "", "contoso.com"]);
        file = WithCell(file, 1, 11, Huge('h'));

        await harness.ParseAsync(file);
        await harness.DeliverAllAsync();

        var job = await harness.OnlyJobAsync();
        Assert.Equal((ImportStatus.Completed, 1), (job.Status, job.CreatedCount));
    }

    [Fact]
    public async Task A_header_row_of_only_huge_unknown_headers_fails_the_job_with_a_bounded_reason()
    {
        await using var harness = await ImportHarness.StartAsync(azurite);
        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet("Tenants");
        for (var c = 1; c <= 10; c++) sheet.Cell(1, c).SetValue(Huge((char)('a' + c)));
        sheet.Cell(2, 1).SetValue("Contoso");

        await harness.ParseAsync(Save(workbook));

        var job = await harness.OnlyJobAsync();
        Assert.Equal((ImportStatus.Failed, ImportFailure.MissingColumns), (job.Status, job.Failure?.Code));
        Assert.InRange(job.Failure!.Message.Length, 1, ImportEchoes.FailureMax);
    }

    [Fact]
    public async Task A_sheet_name_far_longer_than_Excel_allows_fails_the_job_with_a_bounded_reason()
    {
        await using var harness = await ImportHarness.StartAsync(azurite);
        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet("LONGNAME");
        sheet.Cell(1, 1).SetValue("Tenant name");
        sheet.Cell(2, 1).SetValue("Contoso");
        var file = RenameSheet(Save(workbook), "LONGNAME", new string('S', 40_000));

        await harness.ParseAsync(file, "long-sheet.xlsx");

        var job = await harness.OnlyJobAsync();
        Assert.Equal(ImportStatus.Failed, job.Status);
        Assert.InRange(job.Failure!.Message.Length, 1, ImportEchoes.FailureMax);
    }

    [Fact]
    public async Task A_blob_dropped_under_a_very_long_name_gets_a_job_with_its_name_cut()
    {
        await using var harness = await ImportHarness.StartAsync(azurite);

        await harness.ParseAsync(ImportHarness.Workbook(["Contoso", "Ann", "TRUE", "", "", "", "", "", "", ""]), new string('n', 900) + ".xlsx");
        await harness.DeliverAllAsync();

        var job = await harness.OnlyJobAsync();
        Assert.Equal(ImportStatus.Completed, job.Status);
        // A dropped blob's name is cut like an uploaded file's, keeping its end (with the extension).
        Assert.Equal(ImportService.MaxFileNameLength, job.FileName.Length);
        Assert.EndsWith(".xlsx", job.FileName);
    }

    [Fact]
    public async Task Twenty_thousand_errors_keep_the_job_small_and_are_all_listed_page_by_page()
    {
        await using var harness = await ImportHarness.StartAsync(azurite);
        // One tenant of 15,000 rows (its refusal is stored in parts) and 50 of 100 rows each.
        var rows = Enumerable.Range(0, 20_000)
            .Select(i => new[] { i < 15_000 ? "Big tenant" : $"Tenant {i % 50}", "Contact", "", "", $"not-an-address-{i}", "", "", "", "", "" }).ToArray();

        await harness.ParseAsync(ImportHarness.Workbook(rows));

        var job = await harness.OnlyJobAsync();
        Assert.Equal((ImportStatus.CompletedWithErrors, 20_000, 51), (job.Status, job.ErrorCount, job.FailedCount));
        Assert.Equal(ImportEchoes.Inline, job.InlineErrors.Count);
        Assert.Equal(Enumerable.Range(2, ImportEchoes.Inline), job.InlineErrors.Select(e => e.Row));

        var listed = new List<ImportIssue>();
        string? token = null;
        do
        {
            var page = await harness.Imports.ListErrorsAsync(harness.AccountId, job.Id, new PageRequest(PageRequest.MaxSize, token), CancellationToken.None);
            Assert.InRange(page.Items.Count, 0, PageRequest.MaxSize);
            listed.AddRange(page.Items);
            token = page.ContinuationToken;
        } while (token is not null);
        Assert.Equal(Enumerable.Range(2, 20_000), listed.Select(e => e.Row));
        Assert.All(listed, e => Assert.Equal("Contact email", e.Column));
        var (_, report) = await harness.Imports.FailedRowsAsync(harness.AccountId, job.Id, CancellationToken.None);
        Assert.Equal(20_000, report.Count);
    }

    [Fact]
    public async Task An_error_list_token_not_issued_here_is_refused()
    {
        await using var harness = await ImportHarness.StartAsync(azurite);
        await harness.ParseAsync(ImportHarness.Workbook(["Contoso", "Ann", "TRUE", "", "bad", "", "", "", "", ""]));
        var job = await harness.OnlyJobAsync();

        await Assert.ThrowsAsync<ValidationException>(() =>
            harness.Imports.ListErrorsAsync(harness.AccountId, job.Id, new PageRequest(10, "Wnx4eHh8eA"), CancellationToken.None));
    }

    private static byte[] WithCell(byte[] file, int row, int column, string value)
    {
        using var workbook = new XLWorkbook(new MemoryStream(file));
        workbook.Worksheet(1).Cell(row, column).SetValue(value);
        return Save(workbook);
    }

    private static byte[] Save(XLWorkbook workbook)
    {
        using var output = new MemoryStream();
        workbook.SaveAs(output);
        return output.ToArray();
    }

    /// <summary>Renames a sheet in the package itself, as no spreadsheet program would (Excel stops at 31 characters).</summary>
    private static byte[] RenameSheet(byte[] file, string from, string to)
    {
        using var output = new MemoryStream();
        output.Write(file);
        using (var zip = new ZipArchive(output, ZipArchiveMode.Update, leaveOpen: true))
        {
            var entry = zip.GetEntry("xl/workbook.xml")!;
            string xml;
            using (var reader = new StreamReader(entry.Open())) xml = reader.ReadToEnd();
            entry.Delete();
            using var writer = new StreamWriter(zip.CreateEntry("xl/workbook.xml").Open(), new UTF8Encoding(false));
            writer.Write(xml.Replace($"name=\"{from}\"", $"name=\"{to}\""));
        }
        return output.ToArray();
    }
}
