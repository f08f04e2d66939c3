using System.Text;
using System.Text.RegularExpressions;
using Tenancy.Core.Signatures;
using Tenancy.Local;

namespace Tenancy.Api.Tests.Signatures;

/// <summary>The worked signature example of docs/signing-keys.md is true: its base is what we build from its request, and its signature verifies.</summary>
public partial class DocumentedSignatureExampleTests
{
    [Fact]
    public void The_documented_example_builds_the_documented_base_and_verifies_with_the_documented_key()
    {
        var document = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", "signing-keys.md"));
        var requestText = Block(document, "signature-example:request");
        var documentedBase = Block(document, "signature-example:base");
        var jwk = PublicJwk().Match(document).Groups[1].Value;

        var (request, body) = Parse(requestText);
        var created = DateTimeOffset.FromUnixTimeSeconds(long.Parse(Created().Match(requestText).Groups[1].Value));
        var signature = RequestSignature.Read(request, body, created.AddSeconds(30));

        Assert.Equal(documentedBase, signature.Base);
        signature.Verify(SigningPublicKey.FromJwk(jwk));
        Assert.Equal("sk_0197a3c2f1d7804e2f6c8d0e2a4c6b8f", signature.KeyId);
    }

    private static string Block(string document, string marker)
    {
        var start = document.IndexOf($"<!-- {marker} -->", StringComparison.Ordinal);
        Assert.True(start >= 0, $"docs/signing-keys.md has no {marker} block");
        var open = document.IndexOf("```", start, StringComparison.Ordinal);
        var firstLine = document.IndexOf('\n', open) + 1;
        var close = document.IndexOf("\n```", firstLine, StringComparison.Ordinal);
        return document[firstLine..close];
    }

    private static (HttpMessageParts Request, byte[] Body) Parse(string http)
    {
        var (head, body) = http.Split("\n\n", 2) is [var h, var b] ? (h, b) : (http, "");
        var lines = head.Split('\n');
        var requestLine = lines[0].Split(' ');
        var headers = lines[1..].Select(l => l.Split(": ", 2)).Select(p => new KeyValuePair<string, string>(p[0], p[1])).ToList();
        var host = headers.Single(h => h.Key == "Host").Value;
        return (HttpMessageParts.Request(requestLine[0], $"http://{host}{requestLine[1]}", headers), Encoding.UTF8.GetBytes(body));
    }

    [GeneratedRegex("public JWK is\\s+`([^`]+)`")]
    private static partial Regex PublicJwk();

    [GeneratedRegex("created=(\\d+)")]
    private static partial Regex Created();
}
