using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Tenancy.Console.Browser.Tests;

/// <summary>The create-tenant wizard in a real browser against the real local host (R11, R2, R4).</summary>
[Collection(ConsoleCollection.Name)]
public sealed class WizardTests(ConsoleFixture console)
{
    [Fact]
    public async Task The_wizard_creates_a_tenant_with_two_contacts_a_group_taken_from_another_tenant_and_two_domains()
    {
        var (key, api) = await console.NewAccountAsync();
        var fabrikam = await api.CreateTenantAsync("Fabrikam");
        var group = (await api.PostAsync("api/device-groups", new { name = "Paris office", tenantId = fabrikam })).GetProperty("id").GetString()!;
        var page = await console.OpenAsync(key);

        await page.GotoAsync("tenants");
        await page.HeadingAsync("Tenants");
        await page.AuditAsync("01-tenants");
        await page.GetByRole(AriaRole.Link, new() { Name = "Add new tenant" }).ClickAsync();
        await page.HeadingAsync("Add new tenant");

        await page.FillAsync("#tenant-name", "Contoso");
        await page.FillAsync("#tenant-notes", "Head office in Lyon.");
        await page.Locator("input[id^=c-name-]").Nth(0).FillAsync("Ann Lee");
        await page.Locator("input[id^=c-role-]").Nth(0).FillAsync("IT manager");
        await page.Locator("input[id^=c-email-]").Nth(0).FillAsync("ann@contoso.com");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add new contact" }).ClickAsync();
        await page.Locator("input[id^=c-name-]").Nth(1).FillAsync("Bob Martin");
        await page.Locator("input[id^=c-email-]").Nth(1).FillAsync("bob@contoso.com");
        await page.Locator("input[id^=c-cc-]").Nth(1).FillAsync("+33");
        await page.Locator("input[id^=c-phone-]").Nth(1).FillAsync("612345678");
        await page.Locator("input[name=primary-contact]").Nth(1).CheckAsync();
        await page.AuditAsync("02-wizard-general");
        await page.ClickAsync("#wizard-next");

        await Expect(page.Locator("#step-title")).ToHaveTextAsync("Assign device groups");
        await page.FillAsync("#group-search", "Paris");
        await page.Locator($"#g-{group}").ClickAsync();
        var notice = page.Locator("[data-testid=reassign-notice]");
        await Expect(notice).ToContainTextAsync("Fabrikam");
        // Only asked: the box stays unticked beside "0 group(s) selected", and the wizard waits for the answer.
        await Expect(page.Locator($"#g-{group}")).Not.ToBeCheckedAsync();
        await Expect(page.Locator("#selected-count")).ToHaveTextAsync("0 group(s) selected");
        await Expect(page.Locator("#wizard-next")).ToBeDisabledAsync();
        await page.AuditAsync("03-wizard-reassign-notice");
        await page.ClickAsync("#reassign-confirm");
        await Expect(page.Locator("#selected-count")).ToHaveTextAsync("1 group(s) selected");
        await Expect(page.Locator($"#g-{group}")).ToBeCheckedAsync();
        await page.ClickAsync("#wizard-next");

        await Expect(page.Locator("#step-title")).ToHaveTextAsync("Domains");
        await page.FillAsync("#domain-input", "contoso.com");
        await page.PressAsync("#domain-input", "Enter");
        await page.FillAsync("#domain-input", "contoso.fr");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add domain" }).ClickAsync();
        await Expect(page.Locator("ul.chips li")).ToHaveCountAsync(2);
        await page.AuditAsync("04-wizard-domains");
        await page.ClickAsync("#wizard-next");

        await Expect(page.Locator("#step-title")).ToHaveTextAsync("Review");
        await Expect(page.Locator("[data-testid=review]")).ToContainTextAsync("Paris office (moves here from Fabrikam when the tenant is created)");
        await page.AuditAsync("05-wizard-review");
        await page.ClickAsync("#wizard-create");

        await page.HeadingAsync("Contoso");
        await Expect(page.GetByRole(AriaRole.Status).First).ToHaveTextAsync("Tenant created.");
        await page.AuditAsync("06-tenant-general");
        await page.GetByRole(AriaRole.Tab, new() { Name = "Device groups" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Paris office" })).ToBeVisibleAsync();
        await page.AuditAsync("07-tenant-groups");
        await page.GetByRole(AriaRole.Tab, new() { Name = "Domains" }).ClickAsync();
        await Expect(page.Locator("ul.chips li")).ToHaveCountAsync(2);
        await page.AuditAsync("08-tenant-domains");

        var tenant = await api.TenantNamedAsync("Contoso");
        Assert.Equal("Head office in Lyon.", tenant.GetProperty("notes").GetString());
        var contacts = tenant.GetProperty("contacts").EnumerateArray()
            .Select(c => (c.GetProperty("name").GetString(), c.GetProperty("email").GetString(), c.GetProperty("isPrimary").GetBoolean())).OrderBy(c => c.Item1).ToList();
        Assert.Equal([("Ann Lee", "ann@contoso.com", false), ("Bob Martin", "bob@contoso.com", true)], contacts);
        Assert.Equal([group], tenant.GetProperty("deviceGroups").EnumerateArray().Select(g => g.GetProperty("id").GetString()));
        Assert.Equal(["contoso.com", "contoso.fr"], tenant.GetProperty("domains").EnumerateArray().Select(d => d.GetString()).Order());
        Assert.Empty((await api.GetJsonAsync($"api/tenants/{fabrikam}")).GetProperty("deviceGroups").EnumerateArray());
    }

    [Fact]
    public async Task A_name_conflict_shows_the_api_message_at_the_name_field()
    {
        var (key, api) = await console.NewAccountAsync();
        await api.CreateTenantAsync("Northwind");
        var page = await console.OpenAsync(key);
        await page.GotoAsync("tenants/new");
        await page.HeadingAsync("Add new tenant");

        await page.FillAsync("#tenant-name", "northwind");
        await page.Locator("input[id^=c-name-]").First.FillAsync("Nina");
        for (var i = 0; i < 3; i++) await page.ClickAsync("#wizard-next");
        await page.ClickAsync("#wizard-create");

        await Expect(page.Locator("#err-name")).ToContainTextAsync("Northwind");
        await Expect(page.Locator("#err-name")).ToContainTextAsync("already exists");
        await Expect(page.Locator("#tenant-name")).ToBeFocusedAsync();
        await page.AuditAsync("09-wizard-name-conflict");
    }

    [Fact]
    public async Task The_wizard_works_with_the_keyboard_alone()
    {
        var (key, api) = await console.NewAccountAsync();
        var page = await console.OpenAsync(key);
        await page.GotoAsync("tenants");
        await page.HeadingAsync("Tenants");

        await page.TabToAsync("a[href='tenants/new']");
        Assert.True(await page.FocusVisibleAsync(), "The focused link shows no focus ring.");
        await page.Keyboard.PressAsync("Enter");
        await page.HeadingAsync("Add new tenant");
        await page.TabToAsync("#tenant-name");
        await page.Keyboard.TypeAsync("Keyboard Ltd");
        await page.TabToAsync("input[id^=c-name-]");
        await page.Keyboard.TypeAsync("Kim Park");
        await page.TabToAsync("#wizard-next");
        Assert.True(await page.FocusVisibleAsync(), "The focused button shows no focus ring.");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#step-title")).ToHaveTextAsync("Assign device groups");
        await page.TabToAsync("#wizard-next");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#step-title")).ToHaveTextAsync("Domains");
        await page.TabToAsync("#domain-input");
        await page.Keyboard.TypeAsync("keyboard.example");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("ul.chips li")).ToHaveCountAsync(1);
        await page.TabToAsync("#wizard-next");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#step-title")).ToHaveTextAsync("Review");
        await page.TabToAsync("#wizard-create");
        await page.Keyboard.PressAsync("Enter");

        await page.HeadingAsync("Keyboard Ltd");
        var tenant = await api.TenantNamedAsync("Keyboard Ltd");
        Assert.Equal(["keyboard.example"], tenant.GetProperty("domains").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal("Kim Park", tenant.GetProperty("contacts")[0].GetProperty("name").GetString());
    }
}
