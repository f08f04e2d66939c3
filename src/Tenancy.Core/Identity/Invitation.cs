using System.Security.Cryptography;
using Tenancy.Core.Accounts;

namespace Tenancy.Core.Identity;

/// <summary>
/// A one-time invitation for a person to become an agent's identity (R14). Only the hash of its code is stored
/// (<see cref="InvitationCodes"/>); <see cref="UsedAt"/> is set by the link that used it, in the same transaction.
/// </summary>
public sealed record Invitation(string CodeHash, string AccountId, string AgentId, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt,
    DateTimeOffset? UsedAt = null, string ETag = "");

/// <summary>Invitation codes: 256 random bits, so a plain SHA-256 stores them (as <see cref="ApiKeys"/> explains).</summary>
public static class InvitationCodes
{
    public const string Prefix = "inv_";

    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    public static string New() => Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Hash(string code) => ApiKeys.Hash(code);

    public static bool LooksValid(string? code) =>
        code is { Length: > 8 and < 200 } && code.StartsWith(Prefix, StringComparison.Ordinal);
}
