namespace Tenancy.Core.Common;

/// <summary>Opaque ids; version-7 GUIDs so that ids made later sort later.</summary>
public static class Ids
{
    public static string New(string prefix) => $"{prefix}_{Guid.CreateVersion7():N}";

    /// <summary>An id derived from stable inputs, so that a retried operation produces the same id.</summary>
    public static string Derived(string prefix, params string[] parts)
    {
        var bytes = System.Security.Cryptography.SHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes(string.Join("\u001f", parts)));
        return $"{prefix}_{Convert.ToHexStringLower(bytes, 0, 16)}";
    }

    /// <summary>Whether a caller-supplied id has the shape our ids have; anything else cannot exist.</summary>
    public static bool LooksValid(string? id) =>
        id is { Length: > 2 and <= 64 } && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-');
}
