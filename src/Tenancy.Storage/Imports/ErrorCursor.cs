using System.Globalization;
using Tenancy.Core.Common;

namespace Tenancy.Storage.Imports;

/// <summary>
/// Where a page of a job's errors stopped: in its file-stage pages (<c>V</c>, page number) or its chunk results
/// (<c>K</c>, chunk number), and the index inside it; written as <c>V|00003|17</c>, base64url to callers.
/// </summary>
internal static class ErrorCursor
{
    public static string Token(char source, int position, int index) =>
        ContinuationTokensFor($"{source}|{position.ToString("D6", CultureInfo.InvariantCulture)}|{index.ToString(CultureInfo.InvariantCulture)}");

    public static (char Source, int Position, int Index) Read(string? token)
    {
        if (token is null) return ('V', 0, 0);
        var text = Tables.ContinuationTokens.Unwrap(token)!;
        var parts = text.Split('|');
        if (parts is [[var source], var position, var index] && source is 'V' or 'K'
            && int.TryParse(position, NumberStyles.None, CultureInfo.InvariantCulture, out var p)
            && int.TryParse(index, NumberStyles.None, CultureInfo.InvariantCulture, out var i))
            return (source, p, i);
        throw ValidationException.For("continuationToken", "The continuation token is not one this service issued.");
    }

    private static string ContinuationTokensFor(string cursor) => Tables.ContinuationTokens.Wrap(cursor)!;
}
