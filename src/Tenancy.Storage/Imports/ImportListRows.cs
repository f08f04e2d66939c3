using System.Globalization;
using System.Text;
using Tenancy.Core.Common;

namespace Tenancy.Storage.Imports;

/// <summary>
/// The list index of an account's import jobs: <c>I|{inverted ticks}|{importId}</c>, one row per job, so that key
/// order is newest first and a page is one range query. Inverted ticks are <c>DateTimeOffset.MaxValue.UtcTicks -
/// createdAt.UtcTicks</c> in 19 digits: a job created at 2026-11-30T10:00Z sorts before one of 09:00Z.
/// </summary>
internal static class ImportListRows
{
    public const string Prefix = "I|";

    public static string Key(string importId, DateTimeOffset createdAt) => $"{Prefix}{Inverted(createdAt)}|{importId}";

    /// <summary>Every key of a job created at or after <paramref name="createdAt"/> sorts before this bound.</summary>
    public static string UpperBound(DateTimeOffset createdAt) => $"{Prefix}{Inverted(createdAt)}}}";

    public static string ImportId(string rowKey) => rowKey[(rowKey.LastIndexOf('|') + 1)..];

    /// <summary>The continuation token: the last row key of the page, opaque to callers.</summary>
    public static string Token(string rowKey) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(rowKey)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string AfterKey(string token)
    {
        try
        {
            var base64 = token.Replace('-', '+').Replace('_', '/');
            base64 += new string('=', (4 - base64.Length % 4) % 4);
            var key = Encoding.UTF8.GetString(Convert.FromBase64String(base64));
            var parts = key.Split('|');
            if (parts is ["I", { Length: 19 } ticks, var id] && ticks.All(char.IsAsciiDigit) && Ids.LooksValid(id)) return key;
        }
        catch (FormatException)
        {
        }
        throw ValidationException.For("continuationToken", "The continuation token is not one this service issued.");
    }

    private static string Inverted(DateTimeOffset at) =>
        (DateTimeOffset.MaxValue.UtcTicks - at.UtcTicks).ToString("D19", CultureInfo.InvariantCulture);
}
