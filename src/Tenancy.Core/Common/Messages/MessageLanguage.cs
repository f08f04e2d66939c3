using Tenancy.Core.Imports;

namespace Tenancy.Core.Common.Messages;

/// <summary>Says a message of <see cref="ApiMessages"/>, stated in English, in another language.</summary>
public static class MessageLanguage
{
    private static readonly Message[] Sentences = ApiMessages.All.Where(m => !m.Code.StartsWith("word.", StringComparison.Ordinal))
        .OrderByDescending(m => m.English.Length).ToArray();

    private static readonly Dictionary<string, Message> Words = ApiMessages.All.Where(m => m.Code.StartsWith("word.", StringComparison.Ordinal))
        .ToDictionary(m => m.English, StringComparer.Ordinal);

    /// <summary>
    /// <paramref name="text"/> in <paramref name="language"/> when it is a message of the catalogue; else as it is. Its
    /// arguments stay as they are (names, ids, values people typed), except the words of the catalogue (a role's name).
    /// </summary>
    public static string In(TemplateLanguage language, string text)
    {
        if (language == TemplateLanguage.English || string.IsNullOrEmpty(text)) return text;
        if (Words.TryGetValue(text, out var word)) return word.In(language);
        foreach (var message in Sentences)
            if (message.TryRead(text, out var args))
                return message.In(language, args.Select(a => Words.TryGetValue(a, out var w) ? w.In(language) : a).ToArray<object?>());
        return text;
    }

    /// <summary>A line "Column: message" of an import report, its column and message in <paramref name="language"/>.</summary>
    public static string ReportLine(TemplateLanguage language, string line)
    {
        var colon = line.IndexOf(": ", StringComparison.Ordinal);
        if (colon > 0 && TemplateColumns.TryFind(line[..colon], out var field))
            return $"{TemplateColumns.Header(field, language)}{(language == TemplateLanguage.French ? " : " : ": ")}{In(language, line[(colon + 2)..])}";
        return In(language, line);
    }

    /// <summary>A column header of the template in <paramref name="language"/>; any other text as it is.</summary>
    public static string? Column(TemplateLanguage language, string? header) =>
        TemplateColumns.TryFind(header, out var field) ? TemplateColumns.Header(field, language) : header;
}
