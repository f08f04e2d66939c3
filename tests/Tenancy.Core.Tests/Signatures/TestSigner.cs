using System.Security.Cryptography;
using System.Text;
using Tenancy.Core.Signatures;

namespace Tenancy.Core.Tests.Signatures;

/// <summary>Signs requests the way a client of the profile does, for the tests: an independent signer is in the API tests (npm).</summary>
internal sealed class TestSigner : IDisposable
{
    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public string KeyId { get; set; } = "sk_test";

    public string PublicJwk => Jwk(_key.ExportParameters(false));

    public static string Jwk(ECParameters parameters) =>
        $$"""{"kty":"EC","crv":"P-256","x":"{{Base64Url(parameters.Q.X!)}}","y":"{{Base64Url(parameters.Q.Y!)}}"}""";

    public HttpMessageParts Sign(string method, string uri, string authorization, byte[] body, DateTimeOffset created,
        TimeSpan? validity = null, string? nonce = null, string[]? components = null, string alg = RequestSignature.Algorithm)
    {
        var headers = new List<KeyValuePair<string, string>> { new("Authorization", authorization) };
        if (body.Length > 0) headers.Add(new("Content-Digest", ContentDigest.Of(body)));
        components ??= body.Length > 0 ? ["@method", "@target-uri", "authorization", "content-digest"] : ["@method", "@target-uri", "authorization"];
        var expires = created + (validity ?? TimeSpan.FromMinutes(5));
        var covered = new SfInnerList(
            components.Select(c => new SfItem(c, [])).ToList(),
            [
                new("created", created.ToUnixTimeSeconds()),
                new("expires", expires.ToUnixTimeSeconds()),
                new("nonce", nonce ?? Convert.ToHexString(RandomNumberGenerator.GetBytes(16))),
                new("keyid", KeyId),
                new("alg", alg),
            ]);
        var unsigned = HttpMessageParts.Request(method, uri, headers);
        var signature = _key.SignData(Encoding.ASCII.GetBytes(SignatureBase.Build(unsigned, covered)), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        headers.Add(new("Signature-Input", "sig1=" + StructuredFields.Serialize(covered)));
        headers.Add(new("Signature", $"sig1=:{Convert.ToBase64String(signature)}:"));
        return HttpMessageParts.Request(method, uri, headers);
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public void Dispose() => _key.Dispose();
}
