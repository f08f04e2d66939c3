using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using Tenancy.Core.Signatures;

namespace Tenancy.Http.Contracts;

[Description("A signing key to register for the calling agent: a name for it and the public half of an EC P-256 key pair.")]
public sealed record RegisterSigningKeyBody(
    [property: Required, StringLength(SigningKey.MaxNameLength, MinimumLength = 1), Description("What the key is for, e.g. the device it lives on.")] string? Name,
    [property: Required, Description("The public key as a JWK (RFC 7517), EC P-256; the members a WebCrypto export adds (ext, key_ops) are accepted. Never send the private key.")] JwkBody? PublicKey);

[Description("A public JSON Web Key, EC P-256.")]
public sealed record JwkBody(
    [property: Required, Description("EC")] string? Kty,
    [property: Required, Description("P-256")] string? Crv,
    [property: Required, Description("The point's x coordinate, base64url, 32 bytes.")] string? X,
    [property: Required, Description("The point's y coordinate, base64url, 32 bytes.")] string? Y,
    [property: Description("The private key: refused if present.")] string? D = null,
    [property: Description("Ignored.")] bool? Ext = null,
    [property: JsonPropertyName("key_ops"), Description("Ignored.")] List<string?>? KeyOps = null,
    [property: Description("Ignored.")] string? Alg = null,
    [property: Description("Ignored.")] string? Kid = null,
    [property: Description("Ignored.")] string? Use = null);

[Description("An agent's signing key.")]
public sealed record SigningKeyResponse(
    string Id,
    string Name,
    [property: Description("The JWK thumbprint of the public key (RFC 7638, SHA-256, base64url): compare it with what the agent's device shows before approving.")] string Fingerprint,
    [property: Description("pending (waiting for an administrator), approved (signs sensitive requests) or revoked.")] string Status,
    DateTimeOffset CreatedAt,
    [property: Description("The approving administrator's agent id, or \"account\" for the account key.")] string? ApprovedBy,
    [property: Description("When a signature of the key was last accepted (to the minute).")] DateTimeOffset? LastUsedAt);

[Description("An agent's signing keys, oldest first.")]
public sealed record SigningKeysResponse(IReadOnlyList<SigningKeyResponse> Items);
