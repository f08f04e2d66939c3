using System.Text;

namespace Tenancy.Storage.Tables;

/// <summary>
/// Builds row keys from user text. Table keys forbid / \ # ? and control characters; we also reserve
/// '|' as our separator and '%' as the escape, encoding each one as %XX so that prefixes stay prefixes.
/// </summary>
public static class RowKeys
{
    public const char Separator = '|';

    public static string Escape(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (c is '/' or '\\' or '#' or '?' or '%' or Separator || char.IsControl(c))
                builder.Append('%').Append(((int)c).ToString("X2"));
            else
                builder.Append(c);
        }
        return builder.ToString();
    }

    public static string Join(params string[] parts) => string.Join(Separator, parts);

    /// <summary>An OData filter for the rows of one partition whose key starts with <paramref name="prefix"/>.</summary>
    public static string PrefixFilter(string partitionKey, string prefix) =>
        $"PartitionKey eq '{Quote(partitionKey)}' and RowKey ge '{Quote(prefix)}' and RowKey lt '{Quote(UpperBound(prefix))}'";

    /// <summary>The least key above every key that starts with <paramref name="prefix"/>.</summary>
    public static string UpperBound(string prefix) => prefix[..^1] + (char)(prefix[^1] + 1);

    public static string Quote(string value) => value.Replace("'", "''");
}
