using System.Collections.Frozen;
using System.Globalization;

namespace Tenancy.Core.Domains;

/// <summary>
/// The Public Suffix List (<c>Data/public_suffix_list.dat</c>) and its algorithm: normal rules, <c>*.</c> wildcard
/// rules and <c>!</c> exception rules, the longest matching rule prevailing, an exception over any other rule, and
/// <c>*</c> (the last label) when no rule matches. ICANN and PRIVATE rules count alike (see <c>Data/README.md</c>).
/// </summary>
public sealed class PublicSuffixList
{
    private static readonly Lazy<PublicSuffixList> LazyDefault =
        new(() => Parse(EmbeddedData.ReadText("public_suffix_list.dat")), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _rules;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _wildcards;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _exceptions;

    private PublicSuffixList(FrozenSet<string> rules, FrozenSet<string> wildcards, FrozenSet<string> exceptions)
    {
        _rules = rules.GetAlternateLookup<ReadOnlySpan<char>>();
        _wildcards = wildcards.GetAlternateLookup<ReadOnlySpan<char>>();
        _exceptions = exceptions.GetAlternateLookup<ReadOnlySpan<char>>();
        RuleCount = rules.Count + wildcards.Count + exceptions.Count;
    }

    /// <summary>The list shipped with Tenancy, read on first use.</summary>
    public static PublicSuffixList Default => LazyDefault.Value;

    public int RuleCount { get; }

    /// <summary>Reads a list in the publicsuffix.org format; Unicode rules are stored in their ASCII (punycode) form.</summary>
    public static PublicSuffixList Parse(string text)
    {
        var idn = new IdnMapping { UseStd3AsciiRules = true };
        var rules = new HashSet<string>(StringComparer.Ordinal);
        var wildcards = new HashSet<string>(StringComparer.Ordinal);
        var exceptions = new HashSet<string>(StringComparer.Ordinal);

        using var reader = new StringReader(text);
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            var span = line.AsSpan().Trim();
            if (span.IsEmpty || span.StartsWith("//")) continue;
            // A rule is the line up to its first white space; anything after it is ignored, as the format says.
            var end = span.IndexOfAny(' ', '\t');
            var rule = (end < 0 ? span : span[..end]).ToString();

            var (set, name) = rule switch
            {
                ['!', .. var rest] => (exceptions, rest),
                ['*', '.', .. var rest] => (wildcards, rest),
                _ => (rules, rule),
            };
            try
            {
                set.Add(idn.GetAscii(name).ToLowerInvariant());
            }
            catch (ArgumentException e)
            {
                throw new InvalidDataException($"Public suffix list line {lineNumber}: '{rule}' is not a valid rule.", e);
            }
        }
        return new PublicSuffixList(
            rules.ToFrozenSet(StringComparer.Ordinal),
            wildcards.ToFrozenSet(StringComparer.Ordinal),
            exceptions.ToFrozenSet(StringComparer.Ordinal));
    }

    /// <summary>
    /// The public suffix of a normalized ASCII domain (see <see cref="DomainName.Normalize"/>):
    /// <c>com</c> for <c>mail.contoso.com</c>, <c>co.uk</c> for <c>contoso.co.uk</c>.
    /// </summary>
    public string GetPublicSuffix(string domain)
    {
        ArgumentException.ThrowIfNullOrEmpty(domain);
        var span = domain.AsSpan();

        // An exception rule prevails over every other rule; its suffix is the rule less its first label.
        for (var start = 0; start >= 0; start = NextLabel(span, start))
        {
            if (_exceptions.Contains(span[start..]))
            {
                var next = NextLabel(span, start);
                return next < 0 ? domain[start..] : domain[next..];
            }
        }

        // Otherwise the longest matching rule prevails: walking from the whole domain down, the first match is it.
        for (var start = 0; start >= 0; start = NextLabel(span, start))
        {
            if (_rules.Contains(span[start..])) return domain[start..];
            var next = NextLabel(span, start);
            if (next >= 0 && _wildcards.Contains(span[next..])) return domain[start..];
        }

        // No rule matched: the implicit rule "*" makes the last label the suffix.
        var lastDot = domain.LastIndexOf('.');
        return lastDot < 0 ? domain : domain[(lastDot + 1)..];
    }

    /// <summary>Whether a normalized ASCII domain is itself a public suffix (<c>com</c>, <c>co.uk</c>, <c>github.io</c>).</summary>
    public bool IsPublicSuffix(string domain) => GetPublicSuffix(domain).Length == domain.Length;

    /// <summary>The public suffix plus one label (<c>contoso.co.uk</c> for <c>mail.contoso.co.uk</c>), or null for a public suffix.</summary>
    public string? GetRegistrableDomain(string domain)
    {
        var suffix = GetPublicSuffix(domain);
        if (suffix.Length == domain.Length) return null;
        var prefix = domain.AsSpan(0, domain.Length - suffix.Length - 1);
        return domain[(prefix.LastIndexOf('.') + 1)..];
    }

    private static int NextLabel(ReadOnlySpan<char> domain, int start)
    {
        var dot = domain[start..].IndexOf('.');
        return dot < 0 ? -1 : start + dot + 1;
    }
}
