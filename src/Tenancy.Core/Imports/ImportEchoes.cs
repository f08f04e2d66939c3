namespace Tenancy.Core.Imports;

/// <summary>
/// The sizes to which an import cuts every text from a file that it stores or answers (issue 11): a row error's
/// message and column, a refused tenant's name, the file name, a failure reason, a value quoted in a message, a cell
/// of the failed-rows report. Cut text ends with "…". With these bounds no file can make a storage write fail.
/// </summary>
public static class ImportEchoes
{
    public const int MessageMax = 400;
    public const int ColumnMax = 100;
    public const int NameMax = 200;
    public const int FileNameMax = 200;
    public const int FailureMax = 1000;
    public const int QuotedValueMax = 60;

    /// <summary>Longer than any valid cell (40 domains of 253 characters), so only invalid cells are ever cut.</summary>
    public const int ReportCellMax = 12_000;

    /// <summary>How many errors and warnings a job carries inline; the rest are paged (<c>/errors/items</c>).</summary>
    public const int Inline = 100;

    /// <summary>The most rows one stored refusal lists; a tenant with more rows is stored as several refusals.</summary>
    public const int RefusalRowsMax = 1000;

    public static string Cut(string text, int max) =>
        text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");

    public static string? CutOrNull(string? text, int max) => text is null ? null : Cut(text, max);

    public static ImportIssue Bound(ImportIssue issue) =>
        issue.Message.Length <= MessageMax && (issue.Column?.Length ?? 0) <= ColumnMax
            ? issue
            : issue with { Column = CutOrNull(issue.Column, ColumnMax), Message = Cut(issue.Message, MessageMax) };

    /// <summary>A refusal with a bounded name, split into parts of at most <see cref="RefusalRowsMax"/> rows.</summary>
    public static IEnumerable<ImportRefusal> Bound(ImportRefusal refusal)
    {
        var name = Cut(refusal.Name, NameMax);
        if (refusal.Rows.Count <= RefusalRowsMax)
        {
            yield return name == refusal.Name ? refusal : refusal with { Name = name };
            yield break;
        }
        foreach (var part in refusal.Rows.Chunk(RefusalRowsMax))
            yield return new ImportRefusal(name, part);
    }
}
