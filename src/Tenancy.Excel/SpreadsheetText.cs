using System.Text.RegularExpressions;

namespace Tenancy.Excel;

/// <summary>
/// Text as an XML cell holds it so that it reads back exactly. Readers decode <c>_xHHHH_</c> in a cell as the character
/// HHHH (Excel and ClosedXML both; ClosedXML does not undo Excel's own escape, <c>_x005F_</c>), so a literal one has its
/// <c>x</c> written as <c>_x0078_</c>, which both decode. Stored values hold no control characters but tab and line
/// breaks (the rules refuse them), so only a lone surrogate, which is no character, can be left: it becomes U+FFFD.
/// </summary>
internal static partial class SpreadsheetText
{
    public static string Escape(string text)
    {
        if (text.Contains("_x", StringComparison.Ordinal))
            text = EscapeLike().Replace(text, m => "__x0078_" + m.Value[2..]);
        for (var i = 0; i < text.Length; i++)
        {
            if (!XmlConvertible(text, i)) return Replace(text);
            if (char.IsHighSurrogate(text[i])) i++;
        }
        return text;
    }

    private static string Replace(string text)
    {
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (!XmlConvertible(text, i)) chars[i] = '\uFFFD';
            else if (char.IsHighSurrogate(text[i])) i++;
        }
        return new string(chars);
    }

    private static bool XmlConvertible(string text, int i)
    {
        var c = text[i];
        if (char.IsHighSurrogate(c)) return i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
        if (char.IsLowSurrogate(c)) return false;
        return c is '\t' or '\n' or '\r' || (c >= 0x20 && c != 0xFFFE && c != 0xFFFF);
    }

    [GeneratedRegex("_x[0-9A-Fa-f]{4}_")]
    private static partial Regex EscapeLike();
}
