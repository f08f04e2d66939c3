using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Tenancy.Core.Signatures;

/// <summary>
/// An agent's public signing key: an EC P-256 JWK (RFC 7517/7518) holding x and y only. Its fingerprint is the
/// RFC 7638 JWK thumbprint (SHA-256, base64url). Verification is the BCL's ECDsa with the 64-byte r‖s signatures
/// that RFC 9421 §3.3.4 prescribes.
/// </summary>
public sealed class SigningPublicKey
{
    private readonly ECParameters _parameters;

    private SigningPublicKey(ECParameters parameters, string x, string y)
    {
        _parameters = parameters;
        X = x;
        Y = y;
        Fingerprint = Base64Url(SHA256.HashData(Encoding.UTF8.GetBytes($$"""{"crv":"P-256","kty":"EC","x":"{{x}}","y":"{{y}}"}""")));
    }

    public string X { get; }
    public string Y { get; }
    public string Fingerprint { get; }

    /// <summary>The JWK as stored and shown: the members the key needs and nothing else.</summary>
    public string ToJwk() => $$"""{"kty":"EC","crv":"P-256","x":"{{X}}","y":"{{Y}}"}""";

    public static SigningPublicKey FromJwk(string json)
    {
        JsonElement jwk;
        try
        {
            jwk = JsonDocument.Parse(json).RootElement.Clone();
        }
        catch (JsonException)
        {
            throw new InvalidSigningKeyException("The public key is not JSON: send a JWK.");
        }
        if (jwk.ValueKind != JsonValueKind.Object) throw new InvalidSigningKeyException("The public key must be a JWK object.");
        if (jwk.TryGetProperty("d", out _))
            throw new InvalidSigningKeyException("The JWK holds a private key (\"d\"): send the public half only, and keep the private key on the device.");
        if (Member(jwk, "kty") != "EC" || Member(jwk, "crv") != "P-256")
            throw new InvalidSigningKeyException("Only EC P-256 keys are accepted (\"kty\": \"EC\", \"crv\": \"P-256\").");
        var x = Member(jwk, "x") ?? throw new InvalidSigningKeyException("The JWK has no \"x\".");
        var y = Member(jwk, "y") ?? throw new InvalidSigningKeyException("The JWK has no \"y\".");
        var parameters = new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint { X = Coordinate(x, "x"), Y = Coordinate(y, "y") },
        };
        try
        {
            // Creating the key validates that the point lies on the curve.
            using var ecdsa = ECDsa.Create(parameters);
        }
        catch (CryptographicException)
        {
            throw new InvalidSigningKeyException("The JWK's x and y are not a point of the P-256 curve.");
        }
        return new SigningPublicKey(parameters, x, y);
    }

    public bool Verify(string signatureBase, byte[] signature)
    {
        if (signature.Length != 64) return false;
        using var ecdsa = ECDsa.Create(_parameters);
        return ecdsa.VerifyData(Encoding.ASCII.GetBytes(signatureBase), signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
    }

    private static string? Member(JsonElement jwk, string name) =>
        jwk.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static byte[] Coordinate(string base64Url, string name)
    {
        var text = base64Url.Replace('-', '+').Replace('_', '/');
        text = text.PadRight(text.Length + (4 - text.Length % 4) % 4, '=');
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(text);
        }
        catch (FormatException)
        {
            throw new InvalidSigningKeyException($"The JWK's \"{name}\" is not base64url.");
        }
        if (bytes.Length != 32) throw new InvalidSigningKeyException($"The JWK's \"{name}\" must be 32 bytes for P-256.");
        return bytes;
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

public sealed class InvalidSigningKeyException(string message) : Common.TenancyException(message);
