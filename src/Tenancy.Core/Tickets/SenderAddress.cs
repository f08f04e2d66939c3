using System.Diagnostics.CodeAnalysis;
using MimeKit;
using MimeKit.Utils;
using Tenancy.Core.Domains;

namespace Tenancy.Core.Tickets;

/// <summary>
/// One email address as routing sees it, parsed with MimeKit from a <c>From</c> value (<c>"Doe, John" &lt;john@contoso.com&gt;</c>,
/// <c>&lt;john@contoso.com&gt;</c>, <c>john@contoso.com</c>): the local part unquoted, the domain normalized to ASCII.
/// </summary>
public sealed record SenderAddress(string? DisplayName, string LocalPart, string Domain)
{
    /// <summary>Longest address (local part, @, domain) SMTP carries.</summary>
    public const int MaxAddressLength = 254;

    /// <summary>Longest <c>From</c> value we try to parse: a header line's length.</summary>
    public const int MaxInputLength = 998;

    private static readonly ParserOptions Options = CreateOptions();

    /// <summary>The address without display name, e.g. <c>John.Doe+tickets@eu.contoso.com</c>.</summary>
    public string Address => $"{LocalPart}@{Domain}";

    /// <summary>The contact-match key (see <see cref="EmailKey"/>).</summary>
    public string Key => EmailKey.FromParts(LocalPart, Domain);

    public static bool TryParse(string? value, [NotNullWhen(true)] out SenderAddress? address, [NotNullWhen(false)] out string? error)
    {
        address = null;
        error = Check(value, out var parsed);
        address = parsed;
        return error is null;
    }

    private static string? Check(string? value, out SenderAddress? address)
    {
        address = null;
        if (string.IsNullOrWhiteSpace(value)) return "The address is empty.";
        if (value.Length > MaxInputLength) return $"The address is longer than {MaxInputLength} characters (got {value.Length}).";
        // CR and LF would let a value smuggle header lines; no address needs a control character.
        if (value.Any(char.IsControl)) return "The address contains control characters.";

        var shown = DomainName.Echo(value.Trim());
        if (!InternetAddressList.TryParse(Options, value, out var list) || list.Count == 0)
            return $"'{shown}' is not a parseable email address.";
        if (list.Count > 1) return $"'{shown}' holds {list.Count} addresses; expected one.";
        if (list[0] is not MailboxAddress mailbox) return $"'{shown}' is a group, not an address.";

        var localPart = MimeUtils.Unquote(mailbox.LocalPart);
        if (localPart.Length == 0) return $"'{shown}' has an empty local part.";
        if (!DomainName.TryParseHostName(mailbox.Domain, out var domain, out var domainError))
            return $"The domain of '{shown}' is not usable: {domainError}";
        if (localPart.Length + 1 + domain.Length > MaxAddressLength)
            return $"'{shown}' is longer than {MaxAddressLength} characters.";

        address = new SenderAddress(string.IsNullOrWhiteSpace(mailbox.Name) ? null : mailbox.Name.Trim(), localPart, domain);
        return null;
    }

    private static ParserOptions CreateOptions()
    {
        var options = ParserOptions.Default.Clone();
        // The default accepts "john" as an address; routing needs a domain.
        options.AllowAddressesWithoutDomain = false;
        return options;
    }
}
