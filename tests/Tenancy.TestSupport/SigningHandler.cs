using System.Security.Cryptography;
using Tenancy.Core.Signatures;

namespace Tenancy.TestSupport;

/// <summary>
/// Signs every request a test client sends, as an agent's signing client does (Tenancy's RFC 9421 profile, through
/// <see cref="SignatureDraft"/> as the console does); a new nonce each time.
/// Signing a request that is not sensitive is harmless: the server looks at signatures only where it needs one.
/// </summary>
public sealed class SigningHandler(ECDsa key, string keyId, HttpMessageHandler inner) : DelegatingHandler(inner)
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        var draft = SignatureDraft.For(request.Method.Method, request.RequestUri!.AbsoluteUri, request.Headers.Authorization?.ToString(), body,
            keyId, Convert.ToHexString(RandomNumberGenerator.GetBytes(16)), DateTimeOffset.UtcNow, TimeSpan.FromMinutes(2));
        if (draft.ContentDigest is not null) request.Headers.TryAddWithoutValidation("Content-Digest", draft.ContentDigest);
        var signature = key.SignData(draft.BaseBytes, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        request.Headers.TryAddWithoutValidation("Signature-Input", draft.SignatureInput);
        request.Headers.TryAddWithoutValidation("Signature", SignatureDraft.SignatureHeader(signature));
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
