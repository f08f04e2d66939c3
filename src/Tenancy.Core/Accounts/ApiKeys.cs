using System.Security.Cryptography;
using System.Text;

namespace Tenancy.Core.Accounts;

/// <summary>
/// API keys are 256 random bits, so a plain SHA-256 is enough to store them: a slow password hash
/// protects guessable secrets, and these are not guessable.
/// </summary>
public static class ApiKeys
{
    public const string Prefix = "tny_";

    public static string New() => Prefix + Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string apiKey) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(apiKey)));

    public static bool LooksValid(string? apiKey) =>
        apiKey is { Length: > 8 and < 200 } && apiKey.StartsWith(Prefix, StringComparison.Ordinal);

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
