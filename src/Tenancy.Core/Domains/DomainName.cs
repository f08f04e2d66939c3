using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;
using System.Text;
using Tenancy.Core.Common.Messages;

namespace Tenancy.Core.Domains;

/// <summary>
/// Host names as Tenancy stores and compares them: trimmed, lower case, without the trailing root dot, and
/// internationalised names in their ASCII (punycode) form, e.g. <c>München.DE.</c> → <c>xn--mnchen-3ya.de</c>.
/// </summary>
public static class DomainName
{
    public const int MaxLength = 253;
    public const int MaxLabelLength = 63;
    private const int EchoMax = 80;


    /// <summary>
    /// The canonical form of a domain: trimmed, lower case, one trailing dot stripped, IDN converted to ASCII.
    /// Input that cannot be converted comes back cleaned but unconverted, and <see cref="TryParseHostName"/> says why.
    /// </summary>
    public static string Normalize(string domain)
    {
        var cleaned = Clean(domain);
        if (Ascii.IsValid(cleaned)) return cleaned;
        try
        {
            return NewIdn().GetAscii(cleaned);
        }
        catch (ArgumentException)
        {
            return cleaned;
        }
    }

    /// <summary>
    /// Parses a host name: a normalized domain of two labels or more, each 1–63 letters, digits or hyphens that do
    /// not start or end with a hyphen, 253 characters at most; no IP address, no wildcard.
    /// </summary>
    public static bool TryParseHostName(string? input, [NotNullWhen(true)] out string? domain, [NotNullWhen(false)] out string? error)
    {
        domain = null;
        error = HostNameError(input, out var normalized);
        if (error is not null) return false;
        domain = normalized;
        return true;
    }

    /// <summary>
    /// The domains routing looks up for a sender's domain, most specific first: the domain, then its parents,
    /// stopping before the public suffix (<c>eu.mail.contoso.com</c>, <c>mail.contoso.com</c>, <c>contoso.com</c>).
    /// Empty when the domain is itself a public suffix. Expects a normalized domain.
    /// </summary>
    public static IReadOnlyList<string> RoutingChain(string domain, PublicSuffixList? suffixes = null)
    {
        var suffix = (suffixes ?? PublicSuffixList.Default).GetPublicSuffix(domain);
        var chain = new List<string>();
        for (var start = 0; domain.Length - start > suffix.Length; start = domain.IndexOf('.', start) + 1)
            chain.Add(domain[start..]);
        return chain;
    }

    /// <summary>Trim, lower case, strip one trailing dot: the part of normalizing that never fails.</summary>
    private static string Clean(string domain)
    {
        var trimmed = domain.Trim();
        if (trimmed.EndsWith('.')) trimmed = trimmed[..^1];
        return trimmed.ToLowerInvariant();
    }

    private static string? HostNameError(string? input, out string normalized)
    {
        normalized = "";
        if (string.IsNullOrWhiteSpace(input)) return ApiMessages.DomainRequired.Text();

        var shown = Echo(input.Trim());
        var cleaned = Clean(input);
        if (cleaned.Contains('*'))
            return $"'{shown}' is a wildcard; enter the domain itself (e.g. contoso.com): its subdomains route to it.";
        if (IsIpAddress(cleaned))
            return $"'{shown}' is an IP address; enter a domain name (e.g. contoso.com).";
        if (cleaned.Any(char.IsWhiteSpace))
            return ApiMessages.DomainSpaces.Text(shown);
        if (cleaned.Split('.').Any(label => label.Length == 0))
            return ApiMessages.DomainEmptyLabel.Text(shown);

        var ascii = cleaned;
        if (!Ascii.IsValid(cleaned))
        {
            if (ToAscii(cleaned) is { } converted)
            {
                ascii = converted;
            }
            else
            {
                // The whole name failed: label by label tells a bad label from a name that is only too long,
                // which the checks below then report by name.
                var byLabel = cleaned.Split('.').Select(l => (Label: l, Ascii: ToAscii(l))).ToList();
                if (byLabel.FirstOrDefault(l => l.Ascii is null) is { Label: { } bad })
                    return $"'{shown}' is not a valid internationalised domain name (label '{Echo(bad, 20)}').";
                ascii = string.Join('.', byLabel.Select(l => l.Ascii));
            }
        }

        if (ascii.Length > MaxLength)
            return $"'{shown}' is longer than {MaxLength} characters (got {ascii.Length}).";
        var labels = ascii.Split('.');
        foreach (var label in labels)
        {
            if (label.Length == 0)
                return ApiMessages.DomainEmptyLabel.Text(shown);
            if (label.Length > MaxLabelLength)
                return $"'{shown}' has a label longer than {MaxLabelLength} characters ('{Echo(label, 20)}', {label.Length}).";
            if (!label.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
                return ApiMessages.DomainCharacters.Text(shown, Echo(label, 20));
            if (label.StartsWith('-') || label.EndsWith('-'))
                return $"'{shown}' has a label that starts or ends with a hyphen ('{Echo(label, 20)}').";
        }
        if (labels.Length < 2)
            return ApiMessages.DomainTwoLabels.Text(shown);
        if (labels[^1].All(char.IsAsciiDigit))
            return $"'{shown}' ends with an all-digit label; no top-level domain is all digits.";
        if (labels.FirstOrDefault(l => l.StartsWith("xn--", StringComparison.Ordinal) && !IsValidPunycodeLabel(l)) is { } badPunycode)
            return $"'{shown}' has a label that is not valid punycode ('{Echo(badPunycode, 20)}').";

        normalized = ascii;
        return null;
    }

    private static string? ToAscii(string unicode)
    {
        try
        {
            return NewIdn().GetAscii(unicode);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static bool IsValidPunycodeLabel(string label)
    {
        try
        {
            NewIdn().GetUnicode(label);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>IPv4 (dotted digits, any of the forms resolvers accept) or IPv6, bare or as a bracketed literal.</summary>
    private static bool IsIpAddress(string value)
    {
        var inner = value;
        if (inner.StartsWith('[') && inner.EndsWith(']'))
        {
            inner = inner[1..^1];
            if (inner.StartsWith("ipv6:", StringComparison.Ordinal)) inner = inner[5..];
        }
        if (inner.Length == 0) return false;
        var looksLikeV4 = inner.All(c => char.IsAsciiDigit(c) || c == '.');
        var looksLikeV6 = inner.Contains(':');
        return (looksLikeV4 || looksLikeV6) && IPAddress.TryParse(inner, out _);
    }

    // IdnMapping promises nothing about concurrent use of one instance, and one costs next to nothing to make.
    private static IdnMapping NewIdn() => new() { UseStd3AsciiRules = true };

    internal static string Echo(string value, int max = EchoMax) =>
        value.Length <= max ? value : string.Concat(value.AsSpan(0, max), "…");
}
