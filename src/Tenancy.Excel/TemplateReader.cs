using System.Globalization;
using ClosedXML.Excel;
using Tenancy.Core.Imports;
using Tenancy.Core.Common.Messages;

namespace Tenancy.Excel;

/// <summary>
/// Reads an uploaded template safely (R8): size, content and zip checks first, then ClosedXML; every
/// cell is read as text. Returns the rows, or why the file cannot be imported; it does not throw for
/// anything a file can contain.
/// </summary>
public sealed class TemplateReader(TemplateReaderOptions? options = null) : ITemplateReader
{
    private readonly TemplateReaderOptions _options = options ?? new TemplateReaderOptions();

    public async Task<TemplateReadResult> ReadAsync(Stream input, CancellationToken cancellationToken)
    {
        if (input.CanSeek && input.Length - input.Position > _options.MaxFileBytes) return TooLarge();

        // Stop as soon as the limit is passed: a stream of unknown length is never held in full.
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await input.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > _options.MaxFileBytes) return TooLarge();
        }
        return Read(buffer.ToArray());
    }

    public TemplateReadResult Read(byte[] file)
    {
        if (file.LongLength > _options.MaxFileBytes) return TooLarge();
        if (PackageInspector.Inspect(file, _options) is { } failure) return new TemplateReadResult(null, failure);

        XLWorkbook workbook;
        try
        {
            workbook = new XLWorkbook(new MemoryStream(file, writable: false),
                new LoadOptions { EventTracking = XLEventTracking.Disabled, RecalculateAllFormulas = false });
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return TemplateReadResult.Fail(ImportFailure.Corrupt,
                "The file looks like an xlsx but could not be read as a workbook: it may be damaged or made by a program that does not follow the format. Open it in Excel, save it again and upload it again.");
        }

        using (workbook)
        {
            try
            {
                return ReadWorkbook(workbook);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                return TemplateReadResult.Fail(ImportFailure.Corrupt,
                    "The workbook could not be read: it may be damaged. Open it in Excel, save it again and upload it again.");
            }
        }
    }

    private TemplateReadResult ReadWorkbook(XLWorkbook workbook)
    {
        // The first sheet whose first non-empty row is a usable header row; else the most promising one, to explain.
        (IXLWorksheet Sheet, int Row, HeaderMatch Match)? best = null;
        foreach (var sheet in workbook.Worksheets)
        {
            var firstRow = HeaderRow(sheet);
            if (firstRow is null) continue;
            var match = TemplateColumns.Match(HeaderCells(firstRow));
            if (match.IsUsable) return ReadSheet(sheet, firstRow.RowNumber(), match);
            if (best is null || match.Recognised > best.Value.Match.Recognised)
                best = (sheet, firstRow.RowNumber(), match);
        }

        if (best is null)
            return TemplateReadResult.Fail(ImportFailure.NoHeader,
                "The workbook is empty: no sheet has a header row. Use the template and fill in its first sheet.");

        var (bestSheet, row, bestMatch) = best.Value;
        var code = bestMatch.Duplicates.Count > 0 ? ImportFailure.DuplicateColumns : ImportFailure.MissingColumns;
        return TemplateReadResult.Fail(code, bestMatch.Problem($"sheet '{ImportEchoes.Cut(bestSheet.Name, ImportEchoes.QuotedValueMax)}', row {row}")!);
    }

    /// <summary>The first row with something other than white space in it.</summary>
    private static IXLRow? HeaderRow(IXLWorksheet sheet) =>
        sheet.RowsUsed(XLCellsUsedOptions.Contents)
            .FirstOrDefault(row => row.CellsUsed(XLCellsUsedOptions.Contents)
                .Any(cell => cell.HasFormula || !string.IsNullOrWhiteSpace(SafeText(cell))));

    private static List<string?> HeaderCells(IXLRow row)
    {
        var last = row.LastCellUsed(XLCellsUsedOptions.Contents)?.Address.ColumnNumber ?? 0;
        var cells = new List<string?>(last);
        for (var column = 1; column <= last; column++)
        {
            var cell = row.Cell(column);
            cells.Add(cell.HasFormula ? null : SafeText(cell));
        }
        return cells;
    }

    private TemplateReadResult ReadSheet(IXLWorksheet sheet, int headerRow, HeaderMatch match)
    {
        // Column number (1-based) → field, for the columns of the template only.
        var fieldsByColumn = match.Positions.ToDictionary(p => p.Value + 1, p => p.Key);
        var rows = new List<TemplateRow>();
        Dictionary<TemplateField, string>? cells = null;
        List<CellProblem>? problems = null;
        var current = 0;

        void Flush()
        {
            if (cells is null) return;
            rows.Add(new TemplateRow(current, cells, problems ?? []));
            cells = null;
            problems = null;
        }

        // Only cells that hold something are visited: a stray value far down the sheet costs nothing. Row by row,
        // in the sheet's own order, so that no list of every cell is built to sort it.
        foreach (var cell in sheet.RowsUsed(XLCellsUsedOptions.Contents).SelectMany(row => row.CellsUsed(XLCellsUsedOptions.Contents)))
        {
            var rowNumber = cell.Address.RowNumber;
            if (rowNumber <= headerRow || !fieldsByColumn.TryGetValue(cell.Address.ColumnNumber, out var field)) continue;
            if (rowNumber != current)
            {
                Flush();
                if (rows.Count >= _options.MaxDataRows)
                    return TemplateReadResult.Fail(ImportFailure.TooManyRows,
                        $"The sheet has more than {_options.MaxDataRows:N0} data rows. Split it into several files.");
                current = rowNumber;
                cells = [];
            }
            var (text, problem) = CellText(cell, field);
            if (text is not null) cells![field] = text;
            if (problem is not null) (problems ??= []).Add(new CellProblem(field, problem));
        }
        Flush();

        if (rows.All(r => r.IsBlank))
            return TemplateReadResult.Fail(ImportFailure.NoRows,
                $"Sheet '{ImportEchoes.Cut(sheet.Name, ImportEchoes.QuotedValueMax)}' has a header row (row {headerRow}) but no data rows below it: add one row per contact.");

        return TemplateReadResult.Ok(new ParsedTemplate(match.Language, sheet.Name, headerRow, rows, match.Ignored));
    }

    /// <summary>A cell as text, or why it cannot be taken as text.</summary>
    internal static (string? Text, string? Problem) CellText(IXLCell cell, TemplateField field)
    {
        if (cell.HasFormula)
            return ("=" + cell.FormulaA1,
                ApiMessages.Formula.Text());

        try
        {
            switch (cell.DataType)
            {
                case XLDataType.Boolean:
                    return (cell.GetBoolean() ? "TRUE" : "FALSE", null);
                case XLDataType.Number:
                    return NumberText(cell.GetDouble(), field);
                case XLDataType.DateTime:
                    return (DateText(cell),
                        ApiMessages.DateInText.Text());
                case XLDataType.TimeSpan:
                    return (cell.GetString(),
                        ApiMessages.TimeInText.Text());
                default:
                    return (cell.GetString(), null);
            }
        }
        catch (Exception e) when (e is FormatException or InvalidCastException or OverflowException or ArgumentException)
        {
            return (null, ApiMessages.Unreadable.Text());
        }
    }

    /// <summary>
    /// A number where text belongs, typically a phone number or country code typed into a cell that was not
    /// formatted as text: whole numbers are taken as their digits (a country code gets its +); others are refused
    /// where digits are expected.
    /// </summary>
    private static (string? Text, string? Problem) NumberText(double value, TemplateField field)
    {
        var whole = Math.Abs(value) < 1e15 && value == Math.Floor(value);
        if (whole)
        {
            var digits = value.ToString("0", CultureInfo.InvariantCulture);
            return field == TemplateField.CountryCode && value is > 0 and < 1000 ? ("+" + digits, null) : (digits, null);
        }
        var text = value.ToString(CultureInfo.InvariantCulture);
        return field is TemplateField.ContactPhone or TemplateField.CountryCode or TemplateField.PrimaryContact
            ? (text, ApiMessages.DecimalInText.Text())
            : (text, null);
    }

    private static string DateText(IXLCell cell)
    {
        try
        {
            var date = cell.GetDateTime();
            return date.TimeOfDay == TimeSpan.Zero
                ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                : date.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is FormatException or InvalidCastException or ArgumentException)
        {
            return cell.GetString();
        }
    }

    private static string? SafeText(IXLCell cell)
    {
        try
        {
            return cell.DataType == XLDataType.Text ? cell.GetString() : cell.GetFormattedString();
        }
        catch (Exception e) when (e is FormatException or InvalidCastException or ArgumentException)
        {
            return null;
        }
    }

    private TemplateReadResult TooLarge() =>
        TemplateReadResult.Fail(ImportFailure.TooLarge,
            $"The file is larger than {_options.MaxFileBytes / (double)TemplateReaderOptions.MiB:0.#} MiB. Split it into several files.");
}
