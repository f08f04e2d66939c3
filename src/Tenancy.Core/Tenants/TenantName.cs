using System.Text;
using System.Text.RegularExpressions;
using Tenancy.Core.Common;

namespace Tenancy.Core.Tenants;

/// <summary>Tenant names are unique per account ignoring case and repeated spaces (R2).</summary>
public static partial class TenantName
{
    public const int MaxLength = 128;

    /// <summary>The name as stored: trimmed, inner runs of white space made one space.</summary>
    public static string Clean(string? name) =>
        Whitespace().Replace((name ?? "").Trim(), " ").Normalize(NormalizationForm.FormC);

    /// <summary>The uniqueness key: the cleaned name, lower-cased.</summary>
    public static string Key(string? name) => Clean(name).ToLowerInvariant();

    public static void Validate(string cleaned, FieldErrors errors, string field = "name")
    {
        if (cleaned.Length == 0) errors.Add(field, "A tenant name is required.");
        TextRules.MaxLength(errors, field, cleaned, MaxLength);
        TextRules.NoControlCharacters(errors, field, cleaned, allowNewLines: false);
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
