using System.Text;

namespace Tenancy.Core.Signatures;

/// <summary>
/// The client's half of <see cref="RequestSignature"/>: for one request, the <c>Content-Digest</c> to send (with a
/// body), the <c>Signature-Input</c> and the signature base to sign; <see cref="SignatureHeader"/> wraps the 64-byte
/// <c>r‖s</c> signature. Whoever holds the private key signs <see cref="Base"/> (the console: WebCrypto in the browser).
/// </summary>
public sealed record SignatureDraft(string? ContentDigest, string SignatureInput, string Base)
{
    public const string Label = "sig1";

    public static SignatureDraft For(string method, string targetUri, string? authorization, ReadOnlySpan<byte> body,
        string keyId, string nonce, DateTimeOffset created, TimeSpan validity)
    {
        var headers = new List<KeyValuePair<string, string>>();
        if (authorization is not null) headers.Add(new("Authorization", authorization));
        var digest = body.Length > 0 ? Signatures.ContentDigest.Of(body) : null;
        if (digest is not null) headers.Add(new("Content-Digest", digest));
        IEnumerable<string> components = digest is null ? RequestSignature.RequiredComponents : [.. RequestSignature.RequiredComponents, "content-digest"];
        var covered = new SfInnerList(components.Select(c => new SfItem(c, [])).ToList(),
        [
            new("created", created.ToUnixTimeSeconds()),
            new("expires", (created + validity).ToUnixTimeSeconds()),
            new("nonce", nonce),
            new("keyid", keyId),
            new("alg", RequestSignature.Algorithm),
        ]);
        var signatureBase = SignatureBase.Build(HttpMessageParts.Request(method, targetUri, headers), covered);
        return new SignatureDraft(digest, $"{Label}={StructuredFields.Serialize(covered)}", signatureBase);
    }

    /// <summary>The signature base as the bytes to sign (ASCII: every line is printable ASCII).</summary>
    public byte[] BaseBytes => Encoding.ASCII.GetBytes(Base);

    public static string SignatureHeader(byte[] signature) => $"{Label}=:{Convert.ToBase64String(signature)}:";
}
