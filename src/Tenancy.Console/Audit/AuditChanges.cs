using System.Text.Json;

namespace Tenancy.WebConsole.Audit;

/// <summary>One field an audit entry shows: its value before and after (null where the change has no such side).</summary>
public sealed record AuditChange(string Field, string? Before, string? After);

/// <summary>
/// An audit entry's before and after snapshots as a person reads them: the fields that changed (every field of a
/// creation or a deletion), values as plain text, a cut snapshot by its preview.
/// </summary>
public static class AuditChanges
{
    /// <param name="names">Names of ids the page knows (agents, tenants, groups): a value that is such an id shows the name.</param>
    /// <param name="words">How a field's value reads (<see cref="AuditWords.Value"/>); as stored without it.</param>
    public static IReadOnlyList<AuditChange> Of(JsonElement? before, JsonElement? after, IReadOnlyDictionary<string, string>? names = null,
        Func<string, string, string>? words = null)
    {
        var b = Fields(before, names, words);
        var a = Fields(after, names, words);
        return b.Keys.Concat(a.Keys).Distinct()
            .Select(n => new AuditChange(n, b.GetValueOrDefault(n), a.GetValueOrDefault(n)))
            .Where(c => before is null || after is null || c.Before != c.After)
            .ToList();
    }

    /// <summary>The name the snapshots give their resource, to name a target better than its id.</summary>
    public static string? Name(JsonElement? before, JsonElement? after) => Text(after, "name") ?? Text(before, "name");

    private static Dictionary<string, string> Fields(JsonElement? snapshot, IReadOnlyDictionary<string, string>? names,
        Func<string, string, string>? words)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        if (snapshot is not { ValueKind: JsonValueKind.Object } o) return fields;
        if (o.TryGetProperty("truncated", out var cut) && cut.ValueKind == JsonValueKind.True && Text(o, "preview") is { } preview)
        {
            fields["…"] = preview; // over 16,000 characters: the API keeps its beginning
            return fields;
        }
        foreach (var p in o.EnumerateObject())
            if (p.Name != "id") fields[p.Name] = Worded(p.Name, p.Value, Plain(p.Value, names), words);
        return fields;
    }

    private static string Plain(JsonElement value, IReadOnlyDictionary<string, string>? names) => value.ValueKind switch
    {
        JsonValueKind.String => Named(value.GetString() ?? "", names),
        JsonValueKind.Null => "—",
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Array when value.GetArrayLength() == 0 => "—",
        JsonValueKind.Array when value.EnumerateArray().All(v => v.ValueKind == JsonValueKind.String) =>
            string.Join(", ", value.EnumerateArray().Select(v => Named(v.GetString() ?? "", names))),
        // Groups that move: each with the tenant it belongs to, which is what changes.
        JsonValueKind.Array when value.EnumerateArray().All(v => Text(v, "name") is not null && v.TryGetProperty("tenantId", out _)) =>
            string.Join(", ", value.EnumerateArray().Select(v => $"{Text(v, "name")} ({(Text(v, "tenantId") is { } t ? Named(t, names) : "—")})")),
        // A list of named things (contacts, groups): their names.
        JsonValueKind.Array when value.EnumerateArray().All(v => Text(v, "name") is not null) =>
            string.Join(", ", value.EnumerateArray().Select(v => Text(v, "name"))),
        _ => value.GetRawText(),
    };

    private static string Worded(string field, JsonElement value, string plain, Func<string, string, string>? words) =>
        words is not null && value.ValueKind is JsonValueKind.String or JsonValueKind.True or JsonValueKind.False ? words(field, plain) : plain;

    private static string Named(string text, IReadOnlyDictionary<string, string>? names) =>
        names is not null && names.TryGetValue(text, out var name) ? name : text;

    private static string? Text(JsonElement? snapshot, string name) =>
        snapshot is { ValueKind: JsonValueKind.Object } o && o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
