using System.Text;
using Tenancy.Core.Common.Messages;

namespace Tenancy.Core.Common;

/// <summary>Shared checks for free-text fields.</summary>
public static class TextRules
{
    /// <summary>Trims, and turns empty or whitespace-only text into null.</summary>
    public static string? Clean(string? value)
    {
        var trimmed = value?.Trim();
        return string.IsNullOrEmpty(trimmed) ? null : trimmed.Normalize(NormalizationForm.FormC);
    }

    public static void MaxLength(FieldErrors errors, string field, string? value, int max)
    {
        if (value is not null && value.Length > max)
            errors.Add(field, ApiMessages.TooLong.Text(max, value.Length));
    }

    public static void NoControlCharacters(FieldErrors errors, string field, string? value, bool allowNewLines)
    {
        if (value is null) return;
        foreach (var c in value)
        {
            if (allowNewLines && c is '\n' or '\r' or '\t') continue;
            if (char.IsControl(c))
            {
                errors.Add(field, ApiMessages.ControlCharacters.Text());
                return;
            }
        }
    }
}
