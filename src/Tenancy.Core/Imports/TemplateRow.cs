namespace Tenancy.Core.Imports;

/// <summary>
/// One data row of a template as read from the file: its 1-based row number in the sheet, the text of
/// each template column present in the file, and what the reader could not turn into text (formulas, dates).
/// </summary>
public sealed record TemplateRow(int Number, IReadOnlyDictionary<TemplateField, string> Cells, IReadOnlyList<CellProblem> Problems)
{
    public TemplateRow(int number, IReadOnlyDictionary<TemplateField, string> cells) : this(number, cells, []) { }

    public string? this[TemplateField field] => Cells.TryGetValue(field, out var text) ? text : null;

    /// <summary>A row with nothing in any template column; such rows are skipped.</summary>
    public bool IsBlank => Problems.Count == 0 && Cells.Values.All(string.IsNullOrWhiteSpace);
}

/// <summary>A cell whose content the reader refuses, e.g. a formula or a date where text belongs.</summary>
public sealed record CellProblem(TemplateField Field, string Message);

/// <summary>The rows of a template file and the language of its header row.</summary>
public sealed record ParsedTemplate(
    TemplateLanguage Language,
    string SheetName,
    int HeaderRow,
    IReadOnlyList<TemplateRow> Rows,
    IReadOnlyList<string> IgnoredColumns);

/// <summary>
/// Why a whole file cannot be imported: a stable <see cref="Code"/> for programs and an English message for people,
/// cut to <see cref="ImportEchoes.FailureMax"/> (it may quote a sheet name).
/// </summary>
public sealed record ImportFailure(string Code, string Message)
{
    private readonly string _message = ImportEchoes.Cut(Message ?? "", ImportEchoes.FailureMax);

    public string Message { get => _message; init => _message = ImportEchoes.Cut(value ?? "", ImportEchoes.FailureMax); }

    public const string Empty = "empty";
    public const string TooLarge = "too-large";
    public const string NotXlsx = "not-xlsx";
    public const string Encrypted = "encrypted";
    public const string ZipBomb = "zip-bomb";
    public const string TooComplex = "too-complex";
    public const string ProcessingFailed = "processing-failed";
    public const string Stalled = "stalled";
    public const string Corrupt = "corrupt";
    public const string NoHeader = "no-header";
    public const string MissingColumns = "missing-columns";
    public const string DuplicateColumns = "duplicate-columns";
    public const string NoRows = "no-rows";
    public const string TooManyRows = "too-many-rows";
}

/// <summary>Either the parsed template or the reason the file was refused.</summary>
public sealed record TemplateReadResult(ParsedTemplate? Template, ImportFailure? Failure)
{
    public bool Succeeded => Template is not null;

    public static TemplateReadResult Ok(ParsedTemplate template) => new(template, null);

    public static TemplateReadResult Fail(string code, string message) => new(null, new ImportFailure(code, message));
}
