using System.Text;
using Tenancy.Core.Signatures;

namespace Tenancy.Core.Tests.Signatures;

/// <summary>The signature profile of sensitive requests: what is accepted, and each way a request is refused.</summary>
public sealed class RequestSignatureTests : IDisposable
{
    private const string Uri = "https://tenancy.example/api/device-groups?tenantId=t_1";
    private const string Authorization = "Bearer tny_agent_key";
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000);
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("{\"name\":\"Servers\"}");

    private readonly TestSigner _signer = new();

    private SigningPublicKey Key => SigningPublicKey.FromJwk(_signer.PublicJwk);

    [Fact]
    public void A_signed_request_verifies_and_names_its_key_and_nonce()
    {
        var request = _signer.Sign("POST", Uri, Authorization, Body, Now, nonce: "nonce-0123456789abcdef");

        var signature = RequestSignature.Read(request, Body, Now);
        signature.Verify(Key);

        Assert.Equal("sk_test", signature.KeyId);
        Assert.Equal("nonce-0123456789abcdef", signature.Nonce);
        Assert.Equal(Now.AddMinutes(5), signature.Expires);
    }

    [Fact]
    public void A_bodyless_request_needs_no_content_digest()
    {
        var request = _signer.Sign("DELETE", Uri, Authorization, [], Now);

        RequestSignature.Read(request, [], Now).Verify(Key);
    }

    [Fact]
    public void A_changed_body_is_refused_by_its_digest()
    {
        var request = _signer.Sign("POST", Uri, Authorization, Body, Now);

        var refused = Assert.Throws<SignatureRefusedException>(() => RequestSignature.Read(request, Encoding.UTF8.GetBytes("{\"name\":\"Other\"}"), Now));
        Assert.Contains("does not match the body", refused.Message);
    }

    [Theory]
    [InlineData("method")]
    [InlineData("path")]
    [InlineData("query")]
    [InlineData("authorization")]
    [InlineData("digest")]
    public void A_request_changed_after_signing_does_not_verify(string what)
    {
        var signed = _signer.Sign("POST", Uri, Authorization, Body, Now);
        var headers = signed.Headers.ToDictionary(h => h.Key, h => h.Value);
        var method = signed.Method;
        var uri = signed.TargetUri;
        var body = Body;
        switch (what)
        {
            case "method": method = "PUT"; break;
            case "path": uri = uri.Replace("/device-groups", "/tenants"); break;
            case "query": uri = uri.Replace("t_1", "t_2"); break;
            case "authorization": headers["authorization"] = ["Bearer tny_someone_else"]; break;
            case "digest":
                body = Encoding.UTF8.GetBytes("{\"name\":\"Evil\"}");
                headers["content-digest"] = [ContentDigest.Of(body)];
                break;
        }
        var changed = new HttpMessageParts(method, uri, headers);

        var signature = RequestSignature.Read(changed, body, Now);
        var refused = Assert.Throws<SignatureRefusedException>(() => signature.Verify(Key));
        Assert.Contains("does not verify", refused.Message);
    }

    [Fact]
    public void Another_key_does_not_verify()
    {
        using var other = new TestSigner();
        var signature = RequestSignature.Read(_signer.Sign("POST", Uri, Authorization, Body, Now), Body, Now);

        Assert.Throws<SignatureRefusedException>(() => signature.Verify(SigningPublicKey.FromJwk(other.PublicJwk)));
    }

    [Fact]
    public void Time_limits_allow_the_skew_and_nothing_more()
    {
        RequestSignature.Read(_signer.Sign("DELETE", Uri, Authorization, [], Now.AddSeconds(59)), [], Now);
        RequestSignature.Read(_signer.Sign("DELETE", Uri, Authorization, [], Now.AddMinutes(-5).AddSeconds(-59)), [], Now);

        Assert.Contains("future", Refused(_signer.Sign("DELETE", Uri, Authorization, [], Now.AddSeconds(61))));
        Assert.Contains("expired", Refused(_signer.Sign("DELETE", Uri, Authorization, [], Now.AddMinutes(-5).AddSeconds(-61))));
        Assert.Contains("at most 5 minutes", Refused(_signer.Sign("DELETE", Uri, Authorization, [], Now, validity: TimeSpan.FromMinutes(6))));
    }

    [Fact]
    public void Each_part_of_the_profile_is_required()
    {
        Assert.Contains("\"authorization\"", Refused(_signer.Sign("DELETE", Uri, Authorization, [], Now, components: ["@method", "@target-uri"])));
        Assert.Contains("\"content-digest\"", Refused(_signer.Sign("POST", Uri, Authorization, Body, Now, components: ["@method", "@target-uri", "authorization"]), Body));
        Assert.Contains("alg", Refused(_signer.Sign("DELETE", Uri, Authorization, [], Now, alg: "rsa-pss-sha512")));
        Assert.Contains("nonce", Refused(_signer.Sign("DELETE", Uri, Authorization, [], Now, nonce: "short")));
        Assert.Contains("the request is not signed", Refused(HttpMessageParts.Request("DELETE", Uri, [new("Authorization", Authorization)])));
    }

    [Theory]
    [InlineData("1", "999999999999999")]
    [InlineData("253402300800", "253402300801")]
    [InlineData("-1", "10")]
    [InlineData("-999999999999999", "1")]
    public void Timestamps_outside_the_calendar_are_refused_with_a_reason(string created, string expires)
    {
        var input = $"sig1=(\"@method\" \"@target-uri\" \"authorization\");created={created};expires={expires};nonce=\"0123456789abcdef\";keyid=\"k\";alg=\"ecdsa-p256-sha256\"";
        var request = HttpMessageParts.Request("DELETE", Uri, [new("Authorization", Authorization), new("Signature-Input", input), new("Signature", "sig1=:AAAA:")]);

        Assert.Contains("is not a time", Refused(request));
    }

    [Theory]
    [InlineData("sig1=(\"@method\"", "sig1=:AAAA:")]
    [InlineData("sig1=\"@method\"", "sig1=:AAAA:")]
    [InlineData("sig1=(\"@method\" \"@target-uri\" \"authorization\");created=1;expires=2;nonce=\"0123456789abcdef\";keyid=\"k\";alg=\"ecdsa-p256-sha256\"", "other=:AAAA:")]
    [InlineData("a=(), b=()", "a=:AAAA:")]
    [InlineData("Sig1=()", "Sig1=:AAAA:")]
    public void Malformed_signature_fields_are_refused_with_a_reason(string input, string signature)
    {
        var request = HttpMessageParts.Request("DELETE", Uri, [new("Authorization", Authorization), new("Signature-Input", input), new("Signature", signature)]);

        Assert.False(string.IsNullOrWhiteSpace(Refused(request)));
    }

    [Theory]
    [InlineData("""{"kty":"EC","crv":"P-256","x":"AAAA","y":"AAAA"}""", "32 bytes")]
    [InlineData("""{"kty":"RSA","n":"AQAB","e":"AQAB"}""", "P-256")]
    [InlineData("""{"kty":"EC","crv":"P-256","x":"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU","y":"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0","d":"jpsQnnGQmL-YBIffH1136cspYG6-0iY7X1fCE9-E9LI"}""", "private")]
    [InlineData("""{"kty":"EC","crv":"P-256","x":"AQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA","y":"AQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"}""", "point")]
    [InlineData("not json", "JSON")]
    public void Bad_public_keys_are_refused_with_the_reason(string jwk, string reason)
    {
        var refused = Assert.Throws<InvalidSigningKeyException>(() => SigningPublicKey.FromJwk(jwk));
        Assert.Contains(reason, refused.Message);
    }

    [Fact]
    public void The_fingerprint_is_the_rfc_7638_thumbprint()
    {
        // RFC 7638 §3.1 uses an RSA key; this EC key's thumbprint is checked against the same construction by hand:
        // SHA-256 of {"crv","kty","x","y"} in that order, no spaces, base64url.
        var key = SigningPublicKey.FromJwk(_signer.PublicJwk);
        var canonical = $$"""{"crv":"P-256","kty":"EC","x":"{{key.X}}","y":"{{key.Y}}"}""";
        var expected = Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(canonical))).TrimEnd('=').Replace('+', '-').Replace('/', '_');

        Assert.Equal(expected, key.Fingerprint);
        Assert.Equal(43, key.Fingerprint.Length);
    }

    private static string Refused(HttpMessageParts request, byte[]? body = null) =>
        Assert.Throws<SignatureRefusedException>(() => RequestSignature.Read(request, body ?? [], Now)).Message;

    public void Dispose() => _signer.Dispose();
}
