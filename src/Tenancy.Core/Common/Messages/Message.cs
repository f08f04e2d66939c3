using System.Globalization;
using System.Text.RegularExpressions;
using Tenancy.Core.Imports;

namespace Tenancy.Core.Common.Messages;

/// <summary>
/// A sentence the API says to people, in English and French, with numbered arguments (<c>{0}</c>). The core states
/// it in English (<see cref="Text"/>): that text is its stable form, kept in exceptions and stored job errors, from
/// which <see cref="TryRead"/> gets back the message and its arguments to say it again in the reader's language.
/// </summary>
public sealed partial class Message(string code, string english, string french)
{
    private readonly Lazy<Regex> _pattern = new(() => PatternOf(english));

    public string Code { get; } = code;

    public string English { get; } = english;

    public string French { get; } = french;

    public string Text(params object?[] args) => string.Format(CultureInfo.InvariantCulture, English, args);

    public string In(TemplateLanguage language, params object?[] args) =>
        string.Format(CultureInfo.InvariantCulture, language == TemplateLanguage.French ? French : English, args);

    /// <summary>The arguments of <paramref name="text"/> when it is this message said in English.</summary>
    public bool TryRead(string text, out string[] args)
    {
        var match = _pattern.Value.Match(text);
        args = match.Success ? Enumerable.Range(0, ArgumentCount).Select(i => match.Groups["a" + i].Value).ToArray() : [];
        return match.Success;
    }

    public int ArgumentCount => Numbers(English).DefaultIfEmpty(-1).Max() + 1;

    public static IEnumerable<int> Numbers(string template) =>
        Placeholder().Matches(template).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));

    // The English template as a pattern: its literal text exactly, each argument any text (shortest first, anchored);
    // a repeated argument must repeat its first capture.
    private static Regex PatternOf(string template)
    {
        var seen = new HashSet<string>();
        var parts = Placeholder().Split(template).Select((part, i) =>
            i % 2 == 0 ? Regex.Escape(part) : seen.Add(part) ? $"(?<a{part}>.*?)" : $"\\k<a{part}>");
        return new Regex("^" + string.Concat(parts) + "$", RegexOptions.Singleline | RegexOptions.CultureInvariant);
    }

    [GeneratedRegex(@"\{(\d+)\}")]
    private static partial Regex Placeholder();
}
