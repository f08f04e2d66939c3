using System.Security.Cryptography;
using System.Text;
using Tenancy.Core.Signatures;

namespace Tenancy.Core.Tests.Signatures;

/// <summary>What a client builds with <see cref="SignatureDraft"/> is what the server's check accepts.</summary>
public class SignatureDraftTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("POST", """{"name":"Lyon office"}""")]
    [InlineData("DELETE", "")]
    public void A_request_signed_from_a_draft_verifies(string method, string body)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var bytes = Encoding.UTF8.GetBytes(body);
        const string uri = "http://localhost:7071/api/device-groups";
        var draft = SignatureDraft.For(method, uri, "Bearer tny_x", bytes, "sk_1", "0123456789abcdef0123", Now, TimeSpan.FromMinutes(5));
        var signature = key.SignData(draft.BaseBytes, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);

        var headers = new List<KeyValuePair<string, string>>
        {
            new("Authorization", "Bearer tny_x"),
            new("Signature-Input", draft.SignatureInput),
            new("Signature", SignatureDraft.SignatureHeader(signature)),
        };
        if (draft.ContentDigest is not null) headers.Add(new("Content-Digest", draft.ContentDigest));
        var read = RequestSignature.Read(HttpMessageParts.Request(method, uri, headers), bytes, Now);

        read.Verify(SigningPublicKey.FromJwk(TestSigner.Jwk(key.ExportParameters(false))));
        Assert.Equal("sk_1", read.KeyId);
        Assert.Equal(body.Length > 0, draft.ContentDigest is not null);
    }
}
