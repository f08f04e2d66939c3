using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Tenancy.Core.Tickets;

namespace Tenancy.Core.PersonalData;

/// <summary>
/// What identifies one person (R15): the email key of their address (<see cref="EmailKey"/>: case and <c>+tag</c>
/// ignored, as routing compares addresses) and the values stored about them (the addresses as typed, the names,
/// phones and notes of their contacts). Texts holding any of them are found, and rewritten with
/// <see cref="Pseudonym"/> in their place.
/// </summary>
public sealed partial record PersonalTerms(string EmailKey, IReadOnlyList<string> Values)
{
    /// <summary>
    /// A value shorter than this is replaced only where it is a whole text (a field), never inside a longer one: a
    /// two-letter name would otherwise rewrite every word that contains it.
    /// </summary>
    public const int MinInnerLength = 5;

    /// <summary>
    /// <c>erased-{first 8 hex digits of the SHA-256 of the email key}</c>: one person's values read the same wherever
    /// they were, so an audit trail stays readable, and the address cannot be read back from it.
    /// </summary>
    public string Pseudonym { get; } = "erased-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(EmailKey)))[..8];

    /// <summary>The terms of an address and of the contacts that have it; blank and repeated values are left out.</summary>
    public static PersonalTerms Of(string emailKey, IEnumerable<string?> values) =>
        new(emailKey, values.Append(emailKey).Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim())
            .Distinct(StringComparer.OrdinalIgnoreCase).OrderByDescending(v => v.Length).ToList());

    /// <summary>Whether a text holds a term (any case), or an address whose email key is this person's.</summary>
    public bool Holds(string? text) => text is not null && Scrub(text) != text;

    /// <summary>The text with every term replaced by the pseudonym; JSON texts are rewritten value by value.</summary>
    public string Scrub(string text)
    {
        var trimmed = text.TrimStart();
        if (trimmed.Length > 0 && trimmed[0] is '{' or '[' && TryParse(text) is { } node)
        {
            var original = node.ToJsonString();
            var scrubbed = ScrubNode(node).ToJsonString();
            return scrubbed == original ? text : ScrubNode(JsonNode.Parse(text)!).ToJsonString(JsonOptions);
        }
        return ScrubText(text);
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static JsonNode? TryParse(string text)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private JsonNode ScrubNode(JsonNode node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj.ToList())
                    if (value is not null) obj[name] = ScrubNode(value.DeepClone());
                return obj;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                    if (array[i] is { } item) array[i] = ScrubNode(item.DeepClone());
                return array;
            case JsonValue value when value.TryGetValue<string>(out var text):
                var scrubbed = ScrubText(text);
                return scrubbed == text ? value : JsonValue.Create(scrubbed);
            default:
                return node;
        }
    }

    private string ScrubText(string text)
    {
        var trimmed = text.Trim();
        if (Values.Any(v => string.Equals(v, trimmed, StringComparison.OrdinalIgnoreCase)) || SameAddress(trimmed)) return Pseudonym;
        var result = text;
        foreach (var value in Values.Where(v => v.Length >= MinInnerLength))
            result = result.Replace(value, Pseudonym, StringComparison.OrdinalIgnoreCase);
        // The address with another case or +tag inside a longer text ("write to Jo+x@Contoso.com").
        return result.Contains('@') ? AddressLike().Replace(result, m => SameAddress(m.Value) ? Pseudonym : m.Value) : result;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"[^\s""'<>,;:()\[\]]+@[^\s""'<>,;:()\[\]]+")]
    private static partial System.Text.RegularExpressions.Regex AddressLike();

    /// <summary>"Jo.Doe+x@Contoso.com" or a display-name form is this person's address too.</summary>
    private bool SameAddress(string text) =>
        text.Contains('@') && text.Length <= 320 && Tickets.EmailKey.For(text) == EmailKey;
}
