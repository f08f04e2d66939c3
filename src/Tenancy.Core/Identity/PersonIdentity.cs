using Tenancy.Core.Accounts;

namespace Tenancy.Core.Identity;

/// <summary>
/// A person as their identity provider names them (R14): the token's issuer and the subject it gives the person there;
/// for Microsoft Entra ID the directory's issuer and the object id (<c>oid</c>), stable across applications. Never an
/// email address: a directory or the person may set that claim to anything.
/// </summary>
public sealed record PersonIdentity(string Issuer, string Subject)
{
    /// <summary>
    /// Stands for the identity where an API key's hash stands for a key (the key index, the row each write checks), so
    /// that a linked identity is authenticated, cached and revoked exactly as a key is. The prefix keeps it apart from
    /// every key's hash.
    /// </summary>
    public string KeyHash => ApiKeys.Hash($"oidc\n{Issuer}\n{Subject}");
}
