using System.Text;
using Tenancy.Core.Common;

namespace Tenancy.Storage.Tables;

/// <summary>Wraps Table Storage continuation tokens so that callers see one opaque, URL-safe string.</summary>
public static class ContinuationTokens
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string? Wrap(string? tableToken) =>
        tableToken is null ? null
        : Convert.ToBase64String(Encoding.UTF8.GetBytes(tableToken)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string? Unwrap(string? token)
    {
        if (string.IsNullOrEmpty(token)) return null;
        try
        {
            var base64 = token.Replace('-', '+').Replace('_', '/');
            base64 += new string('=', (4 - base64.Length % 4) % 4);
            var text = Strict.GetString(Convert.FromBase64String(base64));
            // Table Storage's own tokens are printable ASCII; anything else was not issued here.
            if (text.Length == 0 || text.Any(c => c is < ' ' or > '~')) throw new FormatException();
            return text;
        }
        catch (Exception ex) when (ex is FormatException or DecoderFallbackException)
        {
            throw ValidationException.For("continuationToken", "The continuation token is not one this service issued.");
        }
    }
}
