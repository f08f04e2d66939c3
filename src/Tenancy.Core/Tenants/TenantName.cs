using System.Text;
using System.Text.RegularExpressions;
using Tenancy.Core.Common;
using Tenancy.Core.Common.Messages;

namespace Tenancy.Core.Tenants;

/// <summary>
/// Tenant names are unique per account ignoring case, repeated spaces, invisible characters and look-alike letters
/// (R2; <see cref="NameText"/> says exactly how). Search and import grouping use the same key.
/// </summary>
public static partial class TenantName
{
    public const int MaxLength = 128;

    /// <summary>The name as stored and shown: as typed, less invisible characters, trimmed, inner runs of white space made one space.</summary>
    public static string Clean(string? name) =>
        Whitespace().Replace(NameText.StripInvisible(name ?? "").Trim(), " ").Normalize(NormalizationForm.FormC);

    /// <summary>The uniqueness and search key: the cleaned name folded by <see cref="NameText.Fold"/>.</summary>
    public static string Key(string? name) => Whitespace().Replace(NameText.Fold(Clean(name)), " ").Trim();

    public static void Validate(string cleaned, FieldErrors errors, string field = "name")
    {
        if (cleaned.Length == 0) errors.Add(field, ApiMessages.TenantNameRequired.Text());
        TextRules.MaxLength(errors, field, cleaned, MaxLength);
        TextRules.NoControlCharacters(errors, field, cleaned, allowNewLines: false);
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
