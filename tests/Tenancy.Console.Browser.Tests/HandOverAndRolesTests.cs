using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Tenancy.Console.Browser.Tests;

/// <summary>
/// A tab passed from one person to the next, a technician who types an administrator's address, the top bar at
/// 1280 px, and the wizard's checks and questions, in English and French (screenshots of each).
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class HandOverAndRolesTests(ConsoleFixture console)
{
    private static async Task SignInAsync(IPage page, string key)
    {
        await page.FillAsync("#api-key", key);
        await page.PressAsync("#api-key", "Enter");
    }

    [Fact]
    public async Task The_next_person_on_the_tab_finds_nothing_of_the_previous_one_and_starts_at_the_list()
    {
        var (first, _) = await console.NewAccountAsync();
        var (second, _) = await console.NewAccountAsync();
        var page = await console.OpenAsync();
        await page.GotoAsync("");
        await page.HeadingAsync("Sign in");
        await SignInAsync(page, first);
        await page.HeadingAsync("Tenants");
        await page.GetByRole(AriaRole.Link, new() { Name = "Add new tenant" }).ClickAsync();
        await page.FillAsync("#tenant-name", "First person's draft");
        await page.Locator("input[id^=c-name-]").First.FillAsync("Ann Lee");
        await page.ClickAsync("#wizard-next");
        await Expect(page.Locator("#step-title")).ToHaveTextAsync("Assign device groups");
        await page.WaitForFunctionAsync("() => (sessionStorage.getItem('tenancy.tenantWizard') ?? '').includes('First person')");

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.HeadingAsync("Sign in");
        Assert.Equal(0, await page.EvaluateAsync<int>("() => sessionStorage.length"));
        Assert.EndsWith("/tenants", page.Url);

        await SignInAsync(page, second);
        await page.HeadingAsync("Tenants");
        Assert.EndsWith("/tenants", page.Url);
        await Expect(page.Locator(".caller")).ToHaveTextAsync("Console test");
        await page.GetByRole(AriaRole.Link, new() { Name = "Add new tenant" }).ClickAsync();
        await Expect(page.Locator("#step-title")).ToHaveTextAsync("General information");
        await Expect(page.Locator("#tenant-name")).ToHaveValueAsync("");
    }

    [Theory]
    [InlineData("en", "Not available to your role")]
    [InlineData("fr", "Non disponible pour votre rôle")]
    public async Task A_technician_opening_an_administrators_page_by_address_gets_one_clear_page(string lang, string heading)
    {
        var (_, api) = await console.NewAccountAsync();
        var tess = await api.PostAsync("api/agents", new { name = "Tess Tech", email = "tess@msp.example", role = "technician" });
        var page = await console.OpenAsync(tess.GetProperty("apiKey").GetString()!, lang);

        foreach (var address in new[] { "agents", "imports", "tenants/new" })
        {
            await page.GotoAsync(address);
            await page.HeadingAsync(heading);
            await Expect(page.Locator("main form, main input, main select, main textarea")).ToHaveCountAsync(0);
        }
        await Expect(page.Locator(".caller")).ToHaveTextAsync("Tess Tech");
        Assert.Equal(lang, await page.EvaluateAsync<string>("() => document.documentElement.lang"));
        await page.AuditAsync($"60-{lang}-not-for-your-role");
    }

    [Theory]
    [InlineData("en", "Tenants")]
    [InlineData("fr", "Locataires")]
    public async Task The_top_bar_keeps_to_one_row_at_1280_px(string lang, string heading)
    {
        var (key, _) = await console.NewAccountAsync();
        var page = await console.OpenAsync(key, lang);
        await page.GotoAsync("tenants");
        await page.HeadingAsync(heading);

        // One row: every item of the bar is centred on the same line (align-items: center).
        var spread = await page.EvaluateAsync<double>("""
            () => {
                const items = [...document.querySelectorAll('.topbar > *, .topbar .nav li, .topbar-end > *')];
                const centres = items.map(e => { const r = e.getBoundingClientRect(); return r.top + r.height / 2; });
                return Math.max(...centres) - Math.min(...centres);
            }
            """);
        await page.AuditAsync($"61-{lang}-top-bar");
        Assert.True(spread < 4, $"The top bar wraps at 1280 px in {lang} (centres {spread:0} px apart).");
    }

    [Theory]
    [InlineData("en", "Cancel this tenant", "Discard this new tenant?")]
    [InlineData("fr", "Annuler ce locataire", "Abandonner ce nouveau locataire\u00a0?")]
    public async Task The_wizard_checks_as_typed_and_asks_before_discarding(string lang, string cancel, string question)
    {
        var (key, _) = await console.NewAccountAsync();
        var page = await console.OpenAsync(key, lang);
        await page.GotoAsync("tenants/new");
        await Expect(page.Locator("#step-title")).ToBeVisibleAsync();

        await page.FillAsync("#tenant-name", "Contoso");
        await page.Locator("input[id^=c-name-]").First.FillAsync("Ann Lee");
        await page.Locator("input[id^=c-cc-]").First.FillAsync("33");
        await Expect(page.Locator("#err-contacts-0-countryCode")).ToBeVisibleAsync();
        await page.FillAsync("#tenant-notes", new string('n', 501));
        await Expect(page.Locator("[data-testid=tenant-notes-count]")).ToContainTextAsync("501 / 500");
        await page.AuditAsync($"62-{lang}-wizard-checked-as-typed");
        await page.Locator("input[id^=c-cc-]").First.FillAsync("+33");
        await page.FillAsync("#tenant-notes", "Key account");
        await Expect(page.Locator(".field-error")).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Button, new() { Name = cancel }).ClickAsync();
        var dialog = page.Locator("[data-testid=discard-draft]");
        await Expect(dialog).ToContainTextAsync(question);
        await Expect(page.Locator("#discard-keep")).ToBeFocusedAsync();
        await page.AuditAsync($"63-{lang}-wizard-discard");
        await page.Keyboard.PressAsync("Escape");
        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(page.Locator("#tenant-name")).ToHaveValueAsync("Contoso");
    }
}
