using Tenancy.Core.Imports;

namespace Tenancy.Excel.Tests;

/// <summary>The corpus of bad uploads in Data/bad (see its README): each ends with a clear reason, never an exception.</summary>
public class BadFileTests
{
    private readonly TemplateReader _reader = new();

    [Theory]
    [InlineData("empty.xlsx", ImportFailure.Empty, "empty")]
    [InlineData("text-renamed.xlsx", ImportFailure.NotXlsx, "text file")]
    [InlineData("html-renamed.xlsx", ImportFailure.NotXlsx, "markup")]
    [InlineData("pdf-renamed.xlsx", ImportFailure.NotXlsx, "PDF")]
    [InlineData("image-renamed.xlsx", ImportFailure.NotXlsx, "image")]
    [InlineData("legacy-excel97.xlsx", ImportFailure.NotXlsx, ".xls")]
    [InlineData("opendocument-renamed.xlsx", ImportFailure.NotXlsx, "OpenDocument")]
    [InlineData("password-protected-libreoffice.xlsx", ImportFailure.Encrypted, "password")]
    [InlineData("truncated.xlsx", ImportFailure.Corrupt, "damaged")]
    [InlineData("zip-without-workbook.xlsx", ImportFailure.NotXlsx, "without a workbook")]
    [InlineData("no-content-types.xlsx", ImportFailure.Corrupt, "could not be read")]
    [InlineData("corrupt-sheet-xml.xlsx", ImportFailure.Corrupt, "could not be read")]
    [InlineData("zip-bomb-ratio.xlsx", ImportFailure.ZipBomb, "expands")]
    [InlineData("lying-sizes.xlsx", ImportFailure.Corrupt, "could not be read")]
    [InlineData("too-many-entries.xlsx", ImportFailure.ZipBomb, "entries")]
    [InlineData("too-large.xlsx", ImportFailure.TooLarge, "10 MiB")]
    [InlineData("empty-sheet.xlsx", ImportFailure.NoHeader, "no sheet has a header row")]
    [InlineData("blank-only.xlsx", ImportFailure.NoHeader, "no sheet has a header row")]
    [InlineData("wrong-headers.xlsx", ImportFailure.MissingColumns, "does not name any of the template's columns")]
    [InlineData("title-above-headers.xlsx", ImportFailure.MissingColumns, "row 1")]
    [InlineData("missing-required-column.xlsx", ImportFailure.MissingColumns, "'Contact name'")]
    [InlineData("duplicate-columns.xlsx", ImportFailure.DuplicateColumns, "'Contact email'")]
    [InlineData("header-only.xlsx", ImportFailure.NoRows, "no data rows")]
    [InlineData("too-many-rows.xlsx", ImportFailure.TooManyRows, "200,000")]
    public async Task Refuses_a_bad_file_with_a_clear_reason(string file, string code, string fragment)
    {
        await using var stream = File.OpenRead(TestFiles.Path("bad", file));

        var result = await _reader.ReadAsync(stream, CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Equal(code, result.Failure!.Code);
        Assert.Contains(fragment, result.Failure.Message);
    }

    [Fact]
    public void Formulas_are_row_errors_on_their_cells()
    {
        var plan = ReadAndGroup("formulas.xlsx");

        Assert.Equal(
            [(2, "Contact name"), (3, "Contact phone number")],
            plan.Errors.Select(e => (e.Row, e.Column!)));
        Assert.All(plan.Errors, e => Assert.Contains("Formulas are not allowed", e.Message));
        Assert.Empty(plan.Tenants);
    }

    [Fact]
    public void Dates_where_text_belongs_are_row_errors_on_their_cells()
    {
        var plan = ReadAndGroup("dates.xlsx");

        Assert.Contains(plan.Errors, e => e is { Row: 2, Column: "Contact phone number" } && e.Message.Contains("A date where text belongs"));
        Assert.Contains(plan.Errors, e => e is { Row: 3, Column: "Contact notes" } && e.Message.Contains("A date where text belongs"));
        Assert.Empty(plan.Tenants);
    }

    [Fact]
    public void The_corpus_has_a_readme_entry_for_every_file()
    {
        var readme = File.ReadAllText(TestFiles.Path("bad", "README.md"));
        var files = Directory.GetFiles(TestFiles.Path("bad"), "*.xlsx").Select(System.IO.Path.GetFileName).ToList();

        Assert.True(files.Count >= 15);
        Assert.All(files, f => Assert.Contains($"`{f}`", readme));
    }

    private ImportPlan ReadAndGroup(string file)
    {
        var result = _reader.Read(TestFiles.Bytes("bad", file));
        Assert.True(result.Succeeded, result.Failure?.Message);
        return TenantGrouping.Group(result.Template!.Rows, result.Template.Language);
    }
}
