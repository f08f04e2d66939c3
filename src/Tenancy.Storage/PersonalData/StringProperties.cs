using Azure.Data.Tables;
using Tenancy.Core.PersonalData;
using Tenancy.Storage.Tables;

namespace Tenancy.Storage.PersonalData;

/// <summary>
/// Finds and rewrites a person's values in any row: each text property, read whole where it spans several
/// (<see cref="LongText"/>), so that the rewrite of one family of rows needs no knowledge of its layout.
/// </summary>
internal static class StringProperties
{
    private static readonly string[] Keys = ["PartitionKey", "RowKey", "odata.etag", "Timestamp"];

    /// <summary>The names of the texts of a row: a property whose name ends with a digit continues the one before it.</summary>
    public static IEnumerable<string> TextsOf(TableEntity row) =>
        row.Keys.Where(name => !Keys.Contains(name) && row[name] is string && !IsContinuation(row, name));

    public static bool Holds(TableEntity row, PersonalTerms terms) => TextsOf(row).Any(name => terms.Holds(LongText.Read(row, name)));

    /// <summary>Rewrites the row's texts that hold the terms; whether any did.</summary>
    public static bool Scrub(TableEntity row, PersonalTerms terms)
    {
        var changed = false;
        foreach (var name in TextsOf(row).ToList())
        {
            var text = LongText.Read(row, name)!;
            var scrubbed = terms.Scrub(text);
            if (scrubbed == text) continue;
            for (var part = 1; row.ContainsKey(name + part); part++) row.Remove(name + part);
            LongText.Write(row, name, scrubbed.Length <= LongText.MaxChars ? scrubbed : scrubbed[..LongText.MaxChars]);
            changed = true;
        }
        return changed;
    }

    private static bool IsContinuation(TableEntity row, string name)
    {
        var digits = name.Length - name.AsSpan().TrimEnd("0123456789").Length;
        return digits > 0 && digits < name.Length && row.ContainsKey(name[..^digits]);
    }
}
