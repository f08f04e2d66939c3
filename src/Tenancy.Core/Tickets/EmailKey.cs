using System.Text;

namespace Tenancy.Core.Tickets;

/// <summary>
/// The key under which an email address matches a contact (R6): the local part in lower case without its <c>+tag</c>,
/// <c>@</c>, the domain in lower-case ASCII. <c>"Doe, John" &lt;John.Doe+tickets@EU.Contoso.COM&gt;</c> and the contact
/// email <c>john.doe@eu.contoso.com</c> share the key <c>john.doe@eu.contoso.com</c>. The store indexes contacts by
/// this key and routing looks senders up by it, so both must come from here.
/// </summary>
public static class EmailKey
{
    /// <summary>
    /// The key of an address (with or without display name), or null when it is not one usable address. A contact
    /// email without a key (e.g. <c>john@localhost</c>) can never match: no sender with such an address is routed.
    /// </summary>
    public static string? For(string? address) =>
        SenderAddress.TryParse(address, out var parsed, out _) ? parsed.Key : null;

    /// <summary>The key of an unquoted local part and a normalized ASCII domain.</summary>
    public static string FromParts(string localPart, string domain)
    {
        var local = localPart.Normalize(NormalizationForm.FormC).ToLowerInvariant();
        // "+tag" is sub-addressing; a local part that is only a tag ("+tag") has nothing else to keep.
        var plus = local.IndexOf('+');
        if (plus > 0) local = local[..plus];
        return $"{local}@{domain.ToLowerInvariant()}";
    }
}
