using System.Net;
using Tenancy.TestSupport;

namespace Tenancy.Api.Tests.Abuse;

/// <summary>Issue 28: the console and the API send hardening headers, and the console is served as in production.</summary>
[Collection(LocalHostCollection.Name)]
public class SecurityHeadersTests(LocalHostFixture host)
{
    [Theory]
    [InlineData("")]
    [InlineData("tenants")]
    [InlineData("api")]
    [InlineData("api/tenants")]
    [InlineData("api/openapi.json")]
    [InlineData("api/no-such-route")]
    public async Task Every_answer_carries_the_hardening_headers(string path)
    {
        var response = await host.AnonymousClient().GetAsync(path);

        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self' 'wasm-unsafe-eval'", policy);
        Assert.Contains("frame-ancestors 'none'", policy);
        var scripts = policy.Split(';').Select(d => d.Trim()).Single(d => d.StartsWith("script-src "));
        Assert.DoesNotContain("'unsafe-inline'", scripts);
        Assert.DoesNotContain("'unsafe-eval'", scripts);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }

    [Fact]
    public async Task The_console_has_no_inline_script_no_symbols_and_no_hot_reload_module()
    {
        var client = host.AnonymousClient();

        var index = await client.GetStringAsync("");

        Assert.DoesNotMatch(@"<script(?![^>]*\bsrc=)[^>]*>", index);
        foreach (var path in new[] { "_framework/Tenancy.Core.pdb", "_framework/Tenancy.Console.pdb",
                     "_framework/Microsoft.DotNet.HotReload.WebAssembly.Browser.lib.module.js" })
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(path)).StatusCode);
        var manifest = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Tenancy.Local.staticwebassets.endpoints.json"));
        Assert.DoesNotContain(".pdb\"", manifest);
        Assert.DoesNotContain("HotReload", manifest);
    }

    [Theory]
    [InlineData("")]
    [InlineData("tenants")]
    [InlineData("index.html")]
    [InlineData("css/console.css")]
    [InlineData("api/tenants")]
    [InlineData("api/openapi.json")]
    public async Task A_method_not_allowed_never_offers_head_which_no_route_answers(string path)
    {
        var response = await host.AnonymousClient().SendAsync(new HttpRequestMessage(HttpMethod.Put, path));

        if (response.StatusCode != HttpStatusCode.MethodNotAllowed) return;
        Assert.DoesNotContain("HEAD", string.Join(",", response.Content.Headers.Allow), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("HEAD", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
