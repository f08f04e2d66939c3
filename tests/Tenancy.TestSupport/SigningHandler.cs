using System.Security.Cryptography;
using System.Text;
using Tenancy.Core.Signatures;

namespace Tenancy.TestSupport;

/// <summary>
/// Signs every request a test client sends, as an agent's signing client does (Tenancy's RFC 9421 profile): covered
/// <c>@method</c>, <c>@target-uri</c>, <c>authorization</c> and, with a body, <c>content-digest</c>; a new nonce each time.
/// Signing a request that is not sensitive is harmless: the server looks at signatures only where it needs one.
/// </summary>
public sealed class SigningHandler(ECDsa key, string keyId, HttpMessageHandler inner) : DelegatingHandler(inner)
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        var headers = new List<KeyValuePair<string, string>>();
        if (request.Headers.Authorization is { } authorization) headers.Add(new("Authorization", authorization.ToString()));
        if (body.Length > 0)
        {
            var digest = ContentDigest.Of(body);
            request.Headers.TryAddWithoutValidation("Content-Digest", digest);
            headers.Add(new("Content-Digest", digest));
        }
        var components = body.Length > 0 ? new[] { "@method", "@target-uri", "authorization", "content-digest" } : ["@method", "@target-uri", "authorization"];
        var created = DateTimeOffset.UtcNow;
        var covered = new SfInnerList(components.Select(c => new SfItem(c, [])).ToList(),
        [
            new("created", created.ToUnixTimeSeconds()),
            new("expires", created.AddMinutes(2).ToUnixTimeSeconds()),
            new("nonce", Convert.ToHexString(RandomNumberGenerator.GetBytes(16))),
            new("keyid", keyId),
            new("alg", RequestSignature.Algorithm),
        ]);
        var signatureBase = SignatureBase.Build(HttpMessageParts.Request(request.Method.Method, request.RequestUri!.AbsoluteUri, headers), covered);
        var signature = key.SignData(Encoding.ASCII.GetBytes(signatureBase), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        request.Headers.TryAddWithoutValidation("Signature-Input", "sig1=" + StructuredFields.Serialize(covered));
        request.Headers.TryAddWithoutValidation("Signature", $"sig1=:{Convert.ToBase64String(signature)}:");
        return await base.SendAsync(request, cancellationToken);
    }

    /// <summary>The public half as the JWK a registration sends.</summary>
    public static object PublicJwk(ECDsa key)
    {
        var q = key.ExportParameters(false).Q;
        static string B64(byte[] b) => Convert.ToBase64String(b).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return new { kty = "EC", crv = "P-256", x = B64(q.X!), y = B64(q.Y!) };
    }
}
