using System.Collections.Frozen;

namespace Tenancy.Core.Domains;

/// <summary>
/// Public mailbox providers (<c>Data/mailbox_providers.txt</c>): domains where anyone can open a mailbox, so no tenant
/// can own them (R5) and routing never routes by them. A listed domain covers its subdomains.
/// </summary>
public sealed class MailboxProviders
{
    private static readonly Lazy<MailboxProviders> LazyDefault =
        new(() => Parse(EmbeddedData.ReadText("mailbox_providers.txt")), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly FrozenSet<string> _domains;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    private MailboxProviders(FrozenSet<string> domains)
    {
        _domains = domains;
        _lookup = domains.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The list shipped with Tenancy, read on first use.</summary>
    public static MailboxProviders Default => LazyDefault.Value;

    public IReadOnlySet<string> Domains => _domains;

    /// <summary>Reads one ASCII domain a line; <c>#</c> starts a comment.</summary>
    public static MailboxProviders Parse(string text)
    {
        var domains = new HashSet<string>(StringComparer.Ordinal);
        using var reader = new StringReader(text);
        while (reader.ReadLine() is { } line)
        {
            var hash = line.IndexOf('#');
            var domain = (hash < 0 ? line : line[..hash]).Trim().ToLowerInvariant();
            if (domain.Length > 0) domains.Add(domain);
        }
        return new MailboxProviders(domains.ToFrozenSet(StringComparer.Ordinal));
    }

    /// <summary>The listed provider that is <paramref name="domain"/> or one of its parents, or null.</summary>
    public string? ProviderOf(string domain)
    {
        var span = domain.AsSpan();
        for (var start = 0; ; )
        {
            if (_lookup.Contains(span[start..])) return domain[start..];
            var dot = span[start..].IndexOf('.');
            if (dot < 0) return null;
            start += dot + 1;
        }
    }

    public bool IsProvider(string domain) => ProviderOf(domain) is not null;
}
