using System.Text.Json;
using Azure.Data.Tables;
using Tenancy.Core.Imports;

namespace Tenancy.Storage.Imports;

/// <summary>
/// A finished job's failed rows (the error report's content), stored once so that the report is not made by
/// parsing the uploaded file again on every download: <c>R|{id}|{page}</c>, each page a JSON array that fits a
/// property; page 0 is always written, so an empty report is told apart from one never stored.
/// </summary>
internal static class FailedRowPages
{
    private const int MaxPageChars = 30_000; // a string property holds 32K characters
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private sealed record StoredRow(int Number, Dictionary<TemplateField, string> Cells, List<string> Messages, List<TemplateField> Fields);

    public static string Prefix(string importId) => $"R|{importId}|";

    public static IEnumerable<TableEntity> Rows(string accountId, string importId, IReadOnlyList<FailedRow> rows)
    {
        var page = new List<string>();
        var chars = 0;
        var number = 0;
        foreach (var row in rows)
        {
            var json = JsonSerializer.Serialize(new StoredRow(row.Row.Number, row.Row.Cells.ToDictionary(), row.Messages.ToList(), row.Fields.ToList()), Json);
            // A row's cells are bounded by the template's column limits, so one always fits a page.
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
        JsonSerializer.Deserialize<List<StoredRow>>(page.GetString("Items"), Json)!
            .Select(r => new FailedRow(new TemplateRow(r.Number, r.Cells), r.Messages, r.Fields));

    private static TableEntity Page(string accountId, string importId, int number, List<string> items) =>
        new(accountId, $"{Prefix(importId)}{number:D5}") { ["Items"] = "[" + string.Join(",", items) + "]" };
}
