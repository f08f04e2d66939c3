using System.Diagnostics.CodeAnalysis;
using Tenancy.Core.Common;

namespace Tenancy.Core.Domains;

/// <summary>
/// What a tenant may own as an email domain (R5): a host name (see <see cref="DomainName.TryParseHostName"/>) that
/// is neither a public suffix (<c>com</c>, <c>co.uk</c>, <c>github.io</c>) nor a public mailbox provider (<c>gmail.com</c>).
/// </summary>
public static class DomainRules
{
    /// <summary>Checks one domain; on success <paramref name="domain"/> is its normalized ASCII form.</summary>
    public static bool TryValidate(string? input, [NotNullWhen(true)] out string? domain, [NotNullWhen(false)] out string? error)
    {
        domain = null;
        if (!DomainName.TryParseHostName(input, out var parsed, out error)) return false;

        if (PublicSuffixList.Default.IsPublicSuffix(parsed))
        {
            error = $"'{parsed}' is a public suffix that many unrelated owners share; enter the tenant's own domain under it (e.g. contoso.{parsed}).";
            return false;
        }
        if (MailboxProviders.Default.ProviderOf(parsed) is { } provider)
        {
            error = provider == parsed
                ? $"'{parsed}' is a public mailbox provider; add the person's address as a contact email instead."
                : $"'{parsed}' belongs to the public mailbox provider {provider}; add the person's address as a contact email instead.";
            return false;
        }

        domain = parsed;
        return true;
    }

    /// <summary>Checks one domain, adding the problem to <paramref name="errors"/>; returns the normalized domain or null.</summary>
    public static string? Validate(string? input, FieldErrors errors, string field = "domain")
    {
        if (TryValidate(input, out var domain, out var error)) return domain;
        errors.Add(field, error);
        return null;
    }

    /// <summary>
    /// Checks a tenant's set of domains (errors keyed <c>domains[i]</c>) and returns them normalized, in the given
    /// order, each once: <c>Contoso.com</c> and <c>contoso.com.</c> are one domain.
    /// </summary>
    public static IReadOnlyList<string> ValidateAll(IEnumerable<string?> inputs, FieldErrors errors, string field = "domains")
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var domains = new List<string>();
        var index = 0;
        foreach (var input in inputs)
        {
            if (Validate(input, errors, $"{field}[{index++}]") is { } domain && seen.Add(domain))
                domains.Add(domain);
        }
        return domains;
    }
}
