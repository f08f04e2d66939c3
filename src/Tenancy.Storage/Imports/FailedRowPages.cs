using System.Text.Json;
using Azure.Data.Tables;
using Tenancy.Core.Imports;
using Tenancy.Storage.Tables;

namespace Tenancy.Storage.Imports;

/// <summary>
/// A finished job's failed rows (the error report's content), stored once so that the report is not made by
/// parsing the uploaded file again on every download: <c>R|{id}|{page}</c>, each page a JSON array in one entity
/// (<see cref="LongText"/>); page 0 is always written, so an empty report is told apart from one never stored.
/// Each cell is cut to <see cref="ImportEchoes.ReportCellMax"/>, so a row always fits a page.
/// </summary>
internal static class FailedRowPages
{
    private const int MaxPageChars = 250_000;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        // Not ASCII-only: a cell in another script would take six characters a letter.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private sealed record StoredRow(int Number, Dictionary<TemplateField, string> Cells, List<string> Messages, List<TemplateField> Fields);

    public static string Prefix(string importId) => $"R|{importId}|";

    public static IEnumerable<TableEntity> Rows(string accountId, string importId, IReadOnlyList<FailedRow> rows)
    {
        var page = new List<string>();
        var chars = 0;
        var number = 0;
        foreach (var row in rows)
        {
            var cells = row.Row.Cells.ToDictionary(c => c.Key, c => ImportEchoes.Cut(c.Value, ImportEchoes.ReportCellMax));
            var json = JsonSerializer.Serialize(new StoredRow(row.Row.Number, cells, row.Messages.ToList(), row.Fields.ToList()), Json);
            if (page.Count > 0 && chars + json.Length + 1 > MaxPageChars)
            {
                yield return Page(accountId, importId, number++, page);
                page = [];
                chars = 0;
            }
            page.Add(json);
            chars += json.Length + 1;
        }
        yield return Page(accountId, importId, number, page);
    }

    public static IEnumerable<FailedRow> Read(TableEntity page) =>
        JsonSerializer.Deserialize<List<StoredRow>>(LongText.Read(page, "Items")!, Json)!
            .Select(r => new FailedRow(new TemplateRow(r.Number, r.Cells), r.Messages, r.Fields));

    private static TableEntity Page(string accountId, string importId, int number, List<string> items)
    {
        var page = new TableEntity(accountId, $"{Prefix(importId)}{number:D5}");
        LongText.Write(page, "Items", "[" + string.Join(",", items) + "]");
        return page;
    }
}
