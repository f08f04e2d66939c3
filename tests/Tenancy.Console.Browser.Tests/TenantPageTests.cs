using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Tenancy.Console.Browser.Tests;

/// <summary>The tenant page: saved as you type, contacts, domains and groups, each API error at its field (R11).</summary>
[Collection(ConsoleCollection.Name)]
public sealed class TenantPageTests(ConsoleFixture console)
{
    [Fact]
    public async Task The_tenant_page_saves_as_you_type_and_shows_each_api_error_at_its_field()
    {
        var (key, api) = await console.NewAccountAsync();
        var contoso = await api.CreateTenantAsync("Contoso");
        var fabrikam = (await api.PostAsync("api/tenants", new { name = "Fabrikam", contacts = new[] { new { name = "Fay" } }, domains = new[] { "fabrikam.com" } })).GetProperty("id").GetString();
        var group = (await api.PostAsync("api/device-groups", new { name = "Paris office", tenantId = fabrikam })).GetProperty("id").GetString();
        var page = await console.OpenAsync(key);
        await page.GotoAsync($"tenants/{contoso}");
        await page.HeadingAsync("Contoso");

        await page.FillAsync("#tenant-name", "Contoso Ltd");
        await Expect(page.Locator("[data-testid=save-state]")).ToHaveTextAsync("Saved.");
        await page.HeadingAsync("Contoso Ltd");
        await page.FillAsync("#tenant-name", "fabrikam");
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.Locator("#err-name")).ToContainTextAsync("already exists");

        await page.ClickAsync("#add-contact");
        await page.Locator("input[id^=cf-name-]").FillAsync("Bob Martin");
        await page.Locator("input[id^=cf-email-]").FillAsync("bob@");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add contact", Exact = true }).ClickAsync();
        await Expect(page.Locator("[id^=cf-email-][id$=-err]")).Not.ToBeEmptyAsync();
        await page.AuditAsync("40-tenant-contact-error");
        await page.Locator("input[id^=cf-email-]").FillAsync("bob@contoso.com");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add contact", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Make primary: Bob Martin" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Row, new() { Name = "Bob Martin" })).ToContainTextAsync("Primary contact");

        await page.GetByRole(AriaRole.Tab, new() { Name = "Domains" }).ClickAsync();
        await page.FillAsync("#tenant-domain", "fabrikam.com");
        await page.PressAsync("#tenant-domain", "Enter");
        await Expect(page.Locator("#err-tenant-domain")).ToContainTextAsync("Fabrikam");
        await page.AuditAsync("41-tenant-domain-conflict");

        await page.GetByRole(AriaRole.Tab, new() { Name = "Device groups" }).ClickAsync();
        await page.ClickAsync("#assign-groups");
        await page.Locator($"#ag-{group}").ClickAsync();
        await Expect(page.Locator("[data-testid=reassign-notice]")).ToContainTextAsync("Fabrikam");
        await Expect(page.Locator($"#ag-{group}")).Not.ToBeCheckedAsync();
        await page.AuditAsync("42-tenant-assign-groups");
        await page.ClickAsync("#reassign-confirm");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add group (1)" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Paris office" })).ToBeVisibleAsync();
        await page.Locator($"#sel-{group}").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete group" }).ClickAsync();
        await page.Locator("#delete-with-devices").CheckAsync();
        await page.AuditAsync("43-tenant-delete-group");
        await page.Locator("[role=alertdialog]").GetByRole(AriaRole.Button, new() { Name = "Delete group" }).ClickAsync();
        await Expect(page.GetByText("No device groups assigned yet.")).ToBeVisibleAsync();

        var tenant = await api.GetJsonAsync($"api/tenants/{contoso}");
        Assert.Equal("Contoso Ltd", tenant.GetProperty("name").GetString());
        Assert.Equal("Bob Martin", tenant.GetProperty("contacts").EnumerateArray().Single(c => c.GetProperty("isPrimary").GetBoolean()).GetProperty("name").GetString());
        Assert.Empty(tenant.GetProperty("domains").EnumerateArray());
        var groups = await api.GetJsonAsync("api/device-groups");
        Assert.DoesNotContain(groups.GetProperty("items").EnumerateArray(), g => g.GetProperty("id").GetString() == group);
    }
}
