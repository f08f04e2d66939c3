using Tenancy.Core.Audit;

namespace Tenancy.Core.Signatures;

public enum SigningKeyStatus { Pending, Approved, Revoked }

/// <summary>
/// An agent's signing key (product page: « Confirmez votre clé de signature »): the public half of a key pair whose
/// private half never leaves the agent's device. It signs sensitive requests once an administrator approved it.
/// <see cref="ApprovedBy"/> is the approving agent's id, or <c>account</c> for the account key.
/// </summary>
public sealed record SigningKey(
    string Id, string AgentId, string Name, string PublicKeyJwk, string Fingerprint, SigningKeyStatus Status,
    DateTimeOffset CreatedAt, string? ApprovedBy = null, DateTimeOffset? ApprovedAt = null, DateTimeOffset? LastUsedAt = null,
    DateTimeOffset? RevokedAt = null, string ETag = "")
{
    public const int MaxNameLength = 100;

    /// <summary>Keys an agent may hold at once (pending or approved): a few devices, and room to rotate.</summary>
    public const int MaxLiveKeysPerAgent = 10;

    public static string StatusName(SigningKeyStatus status) => status switch
    {
        SigningKeyStatus.Pending => "pending",
        SigningKeyStatus.Approved => "approved",
        _ => "revoked",
    };
}

/// <summary>Signing keys and the nonces their signatures used, in the account's storage.</summary>
public interface ISigningKeyStore
{
    /// <summary>Adds the key and its entry in one transaction.</summary>
    Task CreateAsync(string accountId, SigningKey key, CancellationToken cancellationToken, AuditEntry? audit = null);

    Task<SigningKey?> FindAsync(string accountId, string keyId, CancellationToken cancellationToken);

    Task<IReadOnlyList<SigningKey>> ListForAgentAsync(string accountId, string agentId, CancellationToken cancellationToken);

    /// <summary>Writes the key guarded by its ETag, with its entry; throws <c>ConcurrencyException</c> when it changed meanwhile.</summary>
    Task<SigningKey> ReplaceAsync(string accountId, SigningKey key, CancellationToken cancellationToken, AuditEntry? audit = null);

    /// <summary>
    /// Records that a signature of the key used the nonce; false when it was recorded before (a replay). One atomic
    /// insert, so that of two instances receiving the same signed request at once exactly one gets true.
    /// </summary>
    Task<bool> TryUseNonceAsync(string accountId, string keyId, string nonce, DateTimeOffset expires, CancellationToken cancellationToken);
}
