using System.Text.Json;

namespace Tenancy.WebConsole.Api;

/// <summary>
/// An <c>application/problem+json</c> answer (RFC 9457) as the console shows it: the detail, and the
/// messages per field (keys are JSON paths such as <c>contacts[0].email</c>).
/// </summary>
public sealed class ApiProblem
{
    public const string TypePrefix = "urn:tenancy:problem:";

    public int Status { get; init; }
    public string Type { get; init; } = "";
    public string? Title { get; init; }
    public string? Detail { get; init; }
    public IReadOnlyDictionary<string, string[]> Errors { get; init; } = new Dictionary<string, string[]>();
    public JsonElement Body { get; init; }

    /// <summary>The kind after the URN prefix: <c>tenant-name-taken</c>, <c>validation</c>…</summary>
    public string Kind => Type.StartsWith(TypePrefix, StringComparison.Ordinal) ? Type[TypePrefix.Length..] : Type;

    public string Message => Detail ?? Title ?? $"HTTP {Status}";

    /// <summary>The messages for one field; <paramref name="field"/> is compared without case.</summary>
    public IReadOnlyList<string> For(string field) =>
        Errors.Where(e => string.Equals(e.Key, field, StringComparison.OrdinalIgnoreCase)).SelectMany(e => e.Value).ToList();

    /// <summary>Whether any message concerns the field or something under it (<c>contacts</c> covers <c>contacts[0].name</c>).</summary>
    public bool Concerns(string prefix) =>
        Errors.Keys.Any(k => k.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));

    public static ApiProblem Parse(int status, string? body)
    {
        if (string.IsNullOrWhiteSpace(body)) return new ApiProblem { Status = status };
        try
        {
            using var doc = JsonDocument.Parse(body);
            var root = doc.RootElement.Clone();
            var errors = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
            if (root.TryGetProperty("errors", out var e) && e.ValueKind == JsonValueKind.Object)
                foreach (var field in e.EnumerateObject())
                    errors[field.Name] = field.Value.ValueKind == JsonValueKind.Array
                        ? field.Value.EnumerateArray().Select(m => m.GetString() ?? "").ToArray()
                        : [field.Value.ToString()];
            return new ApiProblem
            {
                Status = status,
                Type = Text(root, "type") ?? "",
                Title = Text(root, "title"),
                Detail = Text(root, "detail"),
                Errors = errors,
                Body = root,
            };
        }
        catch (JsonException)
        {
            return new ApiProblem { Status = status, Detail = body.Length > 300 ? body[..300] : body };
        }
    }

    public static ApiProblem Unreachable(string message) => new() { Status = 0, Detail = message };

    private static string? Text(JsonElement root, string name) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String
            ? v.GetString() : null;
}
