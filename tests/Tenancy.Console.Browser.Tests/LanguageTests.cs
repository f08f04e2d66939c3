using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Tenancy.Console.Browser.Tests;

/// <summary>The French console reads French through: the API's own messages, and the audit log's actions and values.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class LanguageTests(ConsoleFixture console)
{
    [Fact]
    public async Task In_french_a_refusal_of_the_api_and_the_audit_log_read_in_french_and_names_keep_whole_words()
    {
        var (key, api) = await console.NewAccountAsync();
        await api.CreateTenantAsync("Contoso");
        var other = await api.CreateTenantAsync("Fabrikam Industries Européennes");
        var page = await console.OpenAsync(key, "fr");

        await page.GotoAsync($"tenants/{other}");
        await page.FillAsync("#tenant-name", "Contoso");
        await page.PressAsync("#tenant-name", "Tab");
        await Expect(page.Locator("#err-name")).ToContainTextAsync("Un locataire nommé « Contoso » existe déjà.");
        await page.AuditAsync("60-fr-api-message");

        await page.GotoAsync("audit");
        var log = page.Locator("[data-testid=audit]");
        await Expect(log).ToContainTextAsync("Locataire créé");
        await Expect(log).ToContainTextAsync("créé un par un");
        Assert.DoesNotContain("tenant.created", await log.InnerTextAsync());
        // A name wraps between words at most, never letter by letter: a few line boxes, not one per letter.
        var name = log.GetByRole(AriaRole.Link, new() { Name = "Fabrikam Industries Européennes" }).First;
        Assert.InRange(await name.EvaluateAsync<int>("e => e.getClientRects().length"), 1, 3);
        await page.AuditAsync("61-fr-audit-log");
    }
}
