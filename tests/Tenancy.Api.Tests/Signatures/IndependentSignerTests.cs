using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using Tenancy.Core.Signatures;
using Tenancy.Local;
using Tenancy.Local.Azurite;

namespace Tenancy.Api.Tests.Signatures;

/// <summary>
/// Requests signed by the npm package <c>http-message-signatures</c> (pinned), an RFC 9421 implementation written by
/// others, pass our profile: the profile is the standard one, not only ours. And the same requests changed after
/// signing are refused.
/// </summary>
public class IndependentSignerTests
{
    private const string Uri = "http://127.0.0.1:7071/api/device-groups/grp_1?withDevices=true";
    private const string Authorization = "Bearer tny_example_agent_key";

    [Fact]
    public async Task A_request_with_a_body_signed_by_the_npm_package_verifies()
    {
        const string body = """{"name":"Servers","tenantId":"ten_1"}""";
        var (key, request) = await SignWithNpmAsync("POST", Uri, Authorization, body);

        var signature = RequestSignature.Read(request, Encoding.UTF8.GetBytes(body), DateTimeOffset.UtcNow);
        signature.Verify(key);

        Assert.Equal("sk_npm", signature.KeyId);
        var tampered = Encoding.UTF8.GetBytes(body.Replace("Servers", "Laptops"));
        Assert.Throws<SignatureRefusedException>(() => RequestSignature.Read(request, tampered, DateTimeOffset.UtcNow));
    }

    [Fact]
    public async Task A_bodyless_request_signed_by_the_npm_package_verifies_and_not_on_another_path()
    {
        var (key, request) = await SignWithNpmAsync("DELETE", Uri, Authorization, "");

        RequestSignature.Read(request, [], DateTimeOffset.UtcNow).Verify(key);

        var moved = request with { TargetUri = Uri.Replace("grp_1", "grp_2") };
        Assert.Throws<SignatureRefusedException>(() => RequestSignature.Read(moved, [], DateTimeOffset.UtcNow).Verify(key));
    }

    private static async Task<(SigningPublicKey Key, HttpMessageParts Request)> SignWithNpmAsync(string method, string uri, string authorization, string body)
    {
        await NpmPackages.EnsureInstalledAsync(TextWriter.Null);
        var info = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepositoryRoot.Path };
        foreach (var argument in new[] { Path.Combine(RepositoryRoot.Path, "tests", "Tenancy.Api.Tests", "Signatures", "sign-request.mjs"), method, uri, authorization, body })
            info.ArgumentList.Add(argument);
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, await error);

        var result = JsonNode.Parse(await output)!;
        var headers = result["headers"]!.AsObject().Select(h => new KeyValuePair<string, string>(h.Key, (string)h.Value!));
        return (SigningPublicKey.FromJwk(result["jwk"]!.ToJsonString()), HttpMessageParts.Request(method, uri, headers));
    }
}
