using System.Security.Cryptography;
using System.Text;
using Tenancy.Core.Signatures;

namespace Tenancy.Core.Tests.Signatures;

/// <summary>The examples of RFC 9421 Appendix B and RFC 9530 that the BCL lets us reproduce (no RSA-PSS key material, no Ed25519).</summary>
public class RfcExampleTests
{
    private const string ContentDigestSha512 = "sha-512=:WZDPaVn/7XgHaAy8pmojAkGWoRx2UFChF41A2svX+TaPm+AbwAgBWnrIiYllu7BNNyealdVLvRwEmTHWXvJwew==:";

    // RFC 9421 B.1.3, test-key-ecc-p256 (public half).
    private const string EccP256PublicPem = """
        -----BEGIN PUBLIC KEY-----
        MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEqIVYZVLCrPZHGHjP17CTW0/+D9Lf
        w0EkjqF7xB4FivAxzic30tMM4GF+hR6Dxh71Z50VGGdldkkDXZCnTNnoXQ==
        -----END PUBLIC KEY-----
        """;

    // RFC 9421 Appendix B.2, test-request.
    private static HttpMessageParts TestRequest() => HttpMessageParts.Request("POST", "https://example.com/foo?param=Value&Pet=dog",
    [
        new("Host", "example.com"),
        new("Date", "Tue, 20 Apr 2021 02:07:55 GMT"),
        new("Content-Type", "application/json"),
        new("Content-Digest", ContentDigestSha512),
        new("Content-Length", "18"),
    ]);

    private static SfInnerList Input(string signatureInput) =>
        (SfInnerList)StructuredFields.ParseDictionary(signatureInput)[0].Value;

    [Fact]
    public void B_2_3_full_coverage_base()
    {
        var input = Input("""sig-b23=("date" "@method" "@path" "@query" "@authority" "content-type" "content-digest" "content-length");created=1618884473;keyid="test-key-rsa-pss" """.Trim());

        Assert.Equal(
            "\"date\": Tue, 20 Apr 2021 02:07:55 GMT\n" +
            "\"@method\": POST\n" +
            "\"@path\": /foo\n" +
            "\"@query\": ?param=Value&Pet=dog\n" +
            "\"@authority\": example.com\n" +
            "\"content-type\": application/json\n" +
            $"\"content-digest\": {ContentDigestSha512}\n" +
            "\"content-length\": 18\n" +
            "\"@signature-params\": (\"date\" \"@method\" \"@path\" \"@query\" \"@authority\" \"content-type\" \"content-digest\" \"content-length\");created=1618884473;keyid=\"test-key-rsa-pss\"",
            SignatureBase.Build(TestRequest(), input));
    }

    [Fact]
    public void B_2_5_and_B_2_6_bases()
    {
        Assert.Equal(
            "\"date\": Tue, 20 Apr 2021 02:07:55 GMT\n\"@authority\": example.com\n\"content-type\": application/json\n" +
            "\"@signature-params\": (\"date\" \"@authority\" \"content-type\");created=1618884473;keyid=\"test-shared-secret\"",
            SignatureBase.Build(TestRequest(), Input("""sig-b25=("date" "@authority" "content-type");created=1618884473;keyid="test-shared-secret" """.Trim())));
        Assert.Equal(
            "\"date\": Tue, 20 Apr 2021 02:07:55 GMT\n\"@method\": POST\n\"@path\": /foo\n\"@authority\": example.com\n" +
            "\"content-type\": application/json\n\"content-length\": 18\n" +
            "\"@signature-params\": (\"date\" \"@method\" \"@path\" \"@authority\" \"content-type\" \"content-length\");created=1618884473;keyid=\"test-key-ed25519\"",
            SignatureBase.Build(TestRequest(), Input("""sig-b26=("date" "@method" "@path" "@authority" "content-type" "content-length");created=1618884473;keyid="test-key-ed25519" """.Trim())));
    }

    [Fact]
    public void B_3_proxy_base_uses_the_target_uri_as_received()
    {
        var request = HttpMessageParts.Request("POST", "https://service.internal.example/foo?param=Value&Pet=dog", [new("Client-Cert", ":AAAA:")]);
        var input = Input("""ttrp=("@path" "@query" "@method" "@authority" "client-cert");created=1618884473;keyid="test-key-ecc-p256" """.Trim());

        Assert.Equal(
            "\"@path\": /foo\n\"@query\": ?param=Value&Pet=dog\n\"@method\": POST\n\"@authority\": service.internal.example\n\"client-cert\": :AAAA:\n" +
            "\"@signature-params\": (\"@path\" \"@query\" \"@method\" \"@authority\" \"client-cert\");created=1618884473;keyid=\"test-key-ecc-p256\"",
            SignatureBase.Build(request, input));
    }

    [Fact]
    public void B_4_repeated_field_lines_join_with_a_comma_and_the_default_port_is_dropped()
    {
        var request = HttpMessageParts.Request("GET", "https://Example.org:443/demo?name1=Value1&Name2=value2",
            [new("Accept", "application/json"), new("Accept", " */*")]);
        var input = Input("""transform=("@method" "@path" "@authority" "accept");created=1618884473;keyid="test-key-ed25519" """.Trim());

        Assert.Equal(
            "\"@method\": GET\n\"@path\": /demo\n\"@authority\": example.org\n\"accept\": application/json, */*\n" +
            "\"@signature-params\": (\"@method\" \"@path\" \"@authority\" \"accept\");created=1618884473;keyid=\"test-key-ed25519\"",
            SignatureBase.Build(request, input));
    }

    [Fact]
    public void B_2_4_ecdsa_p256_signature_verifies_with_the_rfc_key_and_not_with_a_changed_base()
    {
        var response = new HttpMessageParts("POST", "https://example.com/", new Dictionary<string, IReadOnlyList<string>>
        {
            ["content-type"] = ["application/json"],
            ["content-digest"] = ["sha-512=:mEWXIS7MaLRuGgxOBdODa3xqM1XdEvxoYhvlCFJ41QJgJc4GTsPp29l5oGX69wWdXymyU0rjJuahq4l5aGgfLQ==:"],
            ["content-length"] = ["23"],
        }, Status: 200);
        var input = Input("""sig-b24=("@status" "content-type" "content-digest" "content-length");created=1618884473;keyid="test-key-ecc-p256" """.Trim());
        var signature = Convert.FromBase64String("wNmSUAhwb5LxtOtOpNa6W5xj067m5hFrj0XQ4fvpaCLx0NKocgPquLgyahnzDnDAUy5eCdlYUEkLIj+32oiasw==");
        var key = KeyFromPem(EccP256PublicPem);

        var signatureBase = SignatureBase.Build(response, input);

        Assert.True(key.Verify(signatureBase, signature));
        Assert.False(key.Verify(signatureBase.Replace("\"@status\": 200", "\"@status\": 201"), signature));
    }

    [Fact]
    public void Rfc_9530_content_digest_of_the_example_body()
    {
        var body = Encoding.UTF8.GetBytes("{\"hello\": \"world\"}");

        Assert.Equal("sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:", ContentDigest.Of(body));
        ContentDigest.Verify(ContentDigestSha512, body);
        Assert.Throws<SignatureRefusedException>(() => ContentDigest.Verify(ContentDigestSha512, Encoding.UTF8.GetBytes("{\"hello\": \"World\"}")));
    }

    internal static SigningPublicKey KeyFromPem(string pem)
    {
        using var ecdsa = ECDsa.Create();
        ecdsa.ImportFromPem(pem);
        return SigningPublicKey.FromJwk(TestSigner.Jwk(ecdsa.ExportParameters(false)));
    }
}
