namespace Tenancy.Console.Browser.Tests;

/// <summary>
/// Issue 28: the console runs under the content security policy the host sends (no inline script, WebAssembly from
/// this origin): every main page renders, and the browser reports no violation of the policy.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class ContentSecurityPolicyTests(ConsoleFixture console)
{
    [Fact]
    public async Task The_main_pages_render_under_the_policy_without_a_violation()
    {
        var (key, _) = await console.NewAccountAsync();
        var page = await console.OpenAsync(key);
        var violations = new List<string>();
        page.Console += (_, m) => { if (m.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)) violations.Add(m.Text); };
        await page.Context.AddInitScriptAsync(
            "document.addEventListener('securitypolicyviolation', e => console.error(`Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI}`));");

        var first = await page.GotoAsync("tenants");
        Assert.Contains("'wasm-unsafe-eval'", first!.Headers["content-security-policy"]);
        await page.HeadingAsync("Tenants");
        foreach (var (path, heading) in new[] { ("device-groups", "Device groups"), ("imports", "Import tenants"), ("agents", "Agents"),
                     ("signing-keys", "Signing keys"), ("audit", "Audit log"), ("routing", "Routing tester"), ("tenants/new", "Add new tenant") })
        {
            await page.GotoAsync(path);
            await page.HeadingAsync(heading);
        }
        await page.AuditAsync("90-csp-last-page");

        Assert.Empty(violations);
    }
}
