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
    public static IReadOnlyList<AuditChange> Of(JsonElement? before, JsonElement? after)
    {
        var b = Fields(before);
        var a = Fields(after);
        var names = b.Keys.Concat(a.Keys).Distinct().ToList();
        return names
            .Select(n => new AuditChange(n, b.GetValueOrDefault(n), a.GetValueOrDefault(n)))
            .Where(c => before is null || after is null || c.Before != c.After)
            .ToList();
    }

    /// <summary>The name the snapshots give their resource, to name a target better than its id.</summary>
    public static string? Name(JsonElement? before, JsonElement? after) => Text(after, "name") ?? Text(before, "name");

    private static Dictionary<string, string> Fields(JsonElement? snapshot)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        if (snapshot is not { ValueKind: JsonValueKind.Object } o) return fields;
        foreach (var p in o.EnumerateObject())
            if (p.Name != "id") fields[p.Name] = Plain(p.Value);
        return fields;
    }

    private static string Plain(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString() ?? "",
        JsonValueKind.Null => "—",
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Array when value.GetArrayLength() == 0 => "—",
        JsonValueKind.Array when value.EnumerateArray().All(v => v.ValueKind == JsonValueKind.String) =>
            string.Join(", ", value.EnumerateArray().Select(v => v.GetString())),
        _ => value.GetRawText(),
    };

    private static string? Text(JsonElement? snapshot, string name) =>
        snapshot is { ValueKind: JsonValueKind.Object } o && o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
