namespace Tenancy.Core.Signatures;

/// <summary>
/// What a signature base is built from (RFC 9421 §2): the request's method, its target URI as received (scheme,
/// authority, path and query, percent-encoding untouched), the response status when a response is signed, and the
/// header fields by lowercase name, each with its field lines in order.
/// </summary>
public sealed record HttpMessageParts(string Method, string TargetUri, IReadOnlyDictionary<string, IReadOnlyList<string>> Headers, int? Status = null)
{
    public static HttpMessageParts Request(string method, string targetUri, IEnumerable<KeyValuePair<string, string>> headers) =>
        new(method, targetUri, headers
            .GroupBy(h => h.Key.ToLowerInvariant())
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(h => h.Value).ToList(), StringComparer.Ordinal));

    public IReadOnlyList<string>? Header(string name) => Headers.GetValueOrDefault(name.ToLowerInvariant());
}
