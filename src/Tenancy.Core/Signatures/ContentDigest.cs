using System.Security.Cryptography;

namespace Tenancy.Core.Signatures;

/// <summary>
/// The <c>Content-Digest</c> field (RFC 9530): a dictionary of algorithm → digest of the content. sha-256 and
/// sha-512 are understood; every one present must match the body, and at least one must be present.
/// </summary>
public static class ContentDigest
{
    public static string Of(ReadOnlySpan<byte> body) => $"sha-256=:{Convert.ToBase64String(SHA256.HashData(body))}:";

    public static void Verify(string? header, ReadOnlySpan<byte> body)
    {
        if (string.IsNullOrWhiteSpace(header))
            throw new SignatureRefusedException("The request has a body but no Content-Digest header (RFC 9530, sha-256).");
        IReadOnlyList<KeyValuePair<string, object>> members;
        try
        {
            members = StructuredFields.ParseDictionary(header);
        }
        catch (StructuredFieldException e)
        {
            throw new SignatureRefusedException($"Content-Digest is not a structured dictionary: {e.Message}");
        }
        var checkedAny = false;
        foreach (var (algorithm, member) in members)
        {
            byte[]? expected = algorithm switch
            {
                "sha-256" => SHA256.HashData(body),
                "sha-512" => SHA512.HashData(body),
                _ => null,
            };
            if (expected is null) continue;
            if (member is not SfItem { Value: byte[] digest })
                throw new SignatureRefusedException($"Content-Digest's {algorithm} is not a byte sequence.");
            if (!CryptographicOperations.FixedTimeEquals(digest, expected))
                throw new SignatureRefusedException($"Content-Digest's {algorithm} does not match the body: the body was changed.");
            checkedAny = true;
        }
        if (!checkedAny) throw new SignatureRefusedException("Content-Digest has no sha-256 (or sha-512) digest.");
    }
}
