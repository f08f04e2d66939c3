using ClosedXML.Excel;

namespace Tenancy.TestSupport;

/// <summary>Fills and edits templates the way a user does in a spreadsheet program.</summary>
public static class Spreadsheets
{
    /// <summary>Replaces the example rows of a downloaded template with the given rows (columns in template order).</summary>
    public static byte[] Fill(byte[] template, params string[][] rows)
    {
        using var workbook = new XLWorkbook(new MemoryStream(template));
        var sheet = workbook.Worksheet(1);
        var used = sheet.LastRowUsed()?.RowNumber() ?? 1;
        if (used > 1) sheet.Rows(2, used).Delete();
        for (var r = 0; r < rows.Length; r++)
            for (var c = 0; c < rows[r].Length; c++)
                if (rows[r][c].Length > 0) sheet.Cell(r + 2, c + 1).SetValue(rows[r][c]);
        return Save(workbook);
    }

    /// <summary>Reads a sheet as text rows (header first), as the user would see it.</summary>
    public static List<string[]> Read(byte[] file)
    {
        using var workbook = new XLWorkbook(new MemoryStream(file));
        var sheet = workbook.Worksheet(1);
        var last = sheet.LastColumnUsed()!.ColumnNumber();
        return sheet.RowsUsed().Select(r => Enumerable.Range(1, last).Select(c => r.Cell(c).GetString()).ToArray()).ToList();
    }

    /// <summary>Edits one cell of the first sheet, found by its header text and row.</summary>
    public static byte[] Edit(byte[] file, int row, string header, string value)
    {
        using var workbook = new XLWorkbook(new MemoryStream(file));
        var sheet = workbook.Worksheet(1);
        var column = sheet.Row(1).CellsUsed().First(c => c.GetString() == header).Address.ColumnNumber;
        sheet.Cell(row, column).SetValue(value);
        return Save(workbook);
    }

    private static byte[] Save(XLWorkbook workbook)
    {
        using var output = new MemoryStream();
        workbook.SaveAs(output);
        return output.ToArray();
    }
}
