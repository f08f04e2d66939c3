using System.Text;
using System.Text.RegularExpressions;

namespace Tenancy.Infra.Tests.Docs;

/// <summary>
/// What the link checks read of a Markdown file: its prose (code blocks and code spans removed, since a path in code is
/// not a link), the targets of its links, and the anchors its headings get where the repository is read (GitHub's rule).
/// </summary>
public static partial class MarkdownText
{
    public static string Prose(string markdown) => CodeSpan().Replace(OutsideFences(markdown), "");

    /// <summary>The text with fenced code blocks blanked out (their lines kept, empty, so that line numbers hold).</summary>
    public static string OutsideFences(string markdown)
    {
        var text = new StringBuilder();
        var inFence = false;
        foreach (var line in markdown.ReplaceLineEndings("\n").Split('\n'))
        {
            if (Fence().IsMatch(line)) { inFence = !inFence; text.Append('\n'); continue; }
            text.Append(inFence ? "" : line).Append('\n');
        }
        return text.ToString();
    }

    public static IEnumerable<string> LinkTargets(string markdown)
    {
        var prose = Prose(markdown);
        foreach (Match m in InlineLink().Matches(prose)) yield return m.Groups["target"].Value.Trim('<', '>');
        foreach (Match m in ReferenceDefinition().Matches(prose)) yield return m.Groups["target"].Value.Trim('<', '>');
    }

    /// <summary>Whether a target is a path in the repository (not a URL with a scheme, such as https: or mailto:).</summary>
    public static bool IsRelative(string target) => !Scheme().IsMatch(target);

    public static IReadOnlySet<string> Anchors(string markdown)
    {
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        var seen = new Dictionary<string, int>();
        foreach (var line in OutsideFences(markdown).Split('\n'))
        {
            var heading = Heading().Match(line);
            if (!heading.Success) continue;
            var slug = Slug(heading.Groups["text"].Value);
            var count = seen.GetValueOrDefault(slug);
            seen[slug] = count + 1;
            anchors.Add(count == 0 ? slug : $"{slug}-{count}");
        }
        return anchors;
    }

    /// <summary>GitHub's heading anchor: link texts kept, lower case, punctuation dropped, each space a hyphen.</summary>
    public static string Slug(string heading)
    {
        var text = InlineLink().Replace(heading, m => m.Groups["text"].Value).Trim().TrimEnd('#').Trim().ToLowerInvariant();
        var slug = new StringBuilder();
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c) || c is '-' or '_') slug.Append(c);
            else if (c == ' ') slug.Append('-');
        }
        return slug.ToString();
    }

    [GeneratedRegex(@"^\s{0,3}(```|~~~)")]
    private static partial Regex Fence();

    [GeneratedRegex(@"`+[^`]*`+")]
    private static partial Regex CodeSpan();

    [GeneratedRegex(@"!?\[(?<text>[^\]]*)\]\((?<target><[^>]*>|[^)\s]+)(\s+""[^""]*"")?\)")]
    private static partial Regex InlineLink();

    [GeneratedRegex(@"^\s{0,3}\[[^\]]+\]:\s*(?<target>\S+)", RegexOptions.Multiline)]
    private static partial Regex ReferenceDefinition();

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9+.-]*:")]
    private static partial Regex Scheme();

    [GeneratedRegex(@"^\s{0,3}#{1,6}\s+(?<text>.+)$")]
    private static partial Regex Heading();
}
