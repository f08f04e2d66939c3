using System.Text;

namespace Tenancy.Core.Common;

/// <summary>
/// Continuation tokens for lists the service pages itself (a technician's reached tenants or groups): the last key of
/// the page, opaque and URL-safe. A token the service did not issue is a 400.
/// </summary>
public static class KeyTokens
{
    private const string Mark = "k1:";
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string Wrap(string lastKey) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(Mark + lastKey)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string? Unwrap(string? token)
    {
        if (string.IsNullOrEmpty(token)) return null;
        try
        {
            var base64 = token.Replace('-', '+').Replace('_', '/');
            base64 += new string('=', (4 - base64.Length % 4) % 4);
            var text = Strict.GetString(Convert.FromBase64String(base64));
            if (text.StartsWith(Mark, StringComparison.Ordinal)) return text[Mark.Length..];
        }
        catch (Exception ex) when (ex is FormatException or DecoderFallbackException)
        {
        }
        throw ValidationException.For("continuationToken", "The continuation token is not one this service issued.");
    }

    /// <summary>One page of items in key order, after the token's key.</summary>
    public static ResultPage<T> Page<T>(IEnumerable<T> items, Func<T, string> key, PageRequest page)
    {
        var after = Unwrap(page.ContinuationToken);
        var ordered = items.OrderBy(key, StringComparer.Ordinal).Where(i => after is null || string.CompareOrdinal(key(i), after) > 0).ToList();
        var taken = ordered.Take(page.PageSize).ToList();
        return new ResultPage<T>(taken, ordered.Count > page.PageSize ? Wrap(key(taken[^1])) : null);
    }
}
