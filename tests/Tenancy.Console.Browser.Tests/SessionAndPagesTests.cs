using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Tenancy.Console.Browser.Tests;

/// <summary>Signing in and out, the French console, and the pages the wizard tests do not visit.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class SessionAndPagesTests(ConsoleFixture console)
{
    [Fact]
    public async Task Sign_in_refuses_a_wrong_key_keeps_a_good_one_for_the_tab_and_sign_out_forgets_it()
    {
        var (key, _) = await console.NewAccountAsync();
        var page = await console.OpenAsync();
        await page.GotoAsync("");
        await page.HeadingAsync("Sign in");
        await page.AuditAsync("00-sign-in");

        await page.FillAsync("#api-key", "tny_not_a_key");
        await page.PressAsync("#api-key", "Enter");
        await Expect(page.Locator("#api-key-error")).ToHaveTextAsync("This key is not valid.");
        await page.FillAsync("#api-key", key);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await page.HeadingAsync("Tenants");
        await page.ReloadAsync();
        await page.HeadingAsync("Tenants");

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.HeadingAsync("Sign in");
        Assert.Null(await page.EvaluateAsync<string?>("() => sessionStorage.getItem('tenancy.apiKey')"));
    }

    [Fact]
    public async Task The_console_switches_to_french_and_creates_a_tenant_in_french()
    {
        var (key, api) = await console.NewAccountAsync();
        var page = await console.OpenAsync(key);
        await page.GotoAsync("tenants");
        await page.HeadingAsync("Tenants");

        await page.SelectOptionAsync("#language", "fr");
        await page.HeadingAsync("Locataires");
        Assert.Equal("fr", await page.EvaluateAsync<string>("() => document.documentElement.lang"));
        await page.AuditAsync("20-fr-tenants");
        await page.GetByRole(AriaRole.Link, new() { Name = "Ajouter un nouveau locataire" }).ClickAsync();
        await page.HeadingAsync("Ajouter un nouveau locataire");
        await Expect(page.Locator("#step-title")).ToHaveTextAsync("Informations générales");
        await page.ClickAsync("#wizard-next");
        await Expect(page.Locator("#err-name")).ToHaveTextAsync("Saisissez le nom du locataire.");
        await page.FillAsync("#tenant-name", "Boulangerie Durand");
        await page.Locator("input[id^=c-name-]").First.FillAsync("Élodie Durand");
        await page.AuditAsync("21-fr-wizard-general");
        await page.ClickAsync("#wizard-next");
        await Expect(page.Locator("#step-title")).ToHaveTextAsync("Assigner des groupes d'appareils");
        await page.ClickAsync("#wizard-next");
        await Expect(page.Locator("#step-title")).ToHaveTextAsync("Domaines de messagerie");
        await page.ClickAsync("#wizard-next");
        await Expect(page.Locator("#step-title")).ToHaveTextAsync("Revue");
        await page.GetByRole(AriaRole.Button, new() { Name = "Créer un locataire" }).ClickAsync();

        await page.HeadingAsync("Boulangerie Durand");
        await Expect(page.GetByRole(AriaRole.Status).First).ToHaveTextAsync("Locataire créé.");
        await page.AuditAsync("22-fr-tenant");
        Assert.Equal("Élodie Durand", (await api.TenantNamedAsync("Boulangerie Durand")).GetProperty("contacts")[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task Device_groups_devices_and_the_routing_tester_work_and_pass_axe()
    {
        var (key, api) = await console.NewAccountAsync();
        var tenant = (await api.PostAsync("api/tenants", new { name = "Contoso", contacts = new[] { new { name = "Ann", email = "ann@contoso.com" } }, domains = new[] { "contoso.com" } })).GetProperty("id").GetString();
        await api.PostAsync("api/device-groups", new { name = "Lyon office", tenantId = tenant });
        var page = await console.OpenAsync(key);

        await page.GotoAsync("device-groups");
        await page.HeadingAsync("Device groups");
        await page.FillAsync("#group-name", "Spare laptops");
        await page.PressAsync("#group-name", "Enter");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Spare laptops" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Contoso" })).ToBeVisibleAsync();
        await page.AuditAsync("30-device-groups");

        await page.GetByRole(AriaRole.Link, new() { Name = "Spare laptops" }).ClickAsync();
        await page.HeadingAsync("Spare laptops");
        await page.FillAsync("#device-name", "LAPTOP-042");
        await page.PressAsync("#device-name", "Enter");
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = "LAPTOP-042", Exact = true })).ToBeVisibleAsync();
        await page.AuditAsync("31-device-group");

        await page.GetByRole(AriaRole.Link, new() { Name = "Routing tester" }).ClickAsync();
        await page.HeadingAsync("Routing tester");
        await page.FillAsync("#routing-from", "someone@eu.contoso.com");
        await page.PressAsync("#routing-from", "Enter");
        var result = page.Locator("[data-testid=routing-result]");
        await Expect(result).ToContainTextAsync("Contoso");
        await Expect(result).ToContainTextAsync("The parent domain contoso.com belongs to this tenant.");
        await page.AuditAsync("32-routing");
    }

    [Fact]
    public async Task A_technician_sees_only_its_tenant()
    {
        var (ownerKey, api) = await console.NewAccountAsync();
        var reached = await api.CreateTenantAsync("Alpha Reached");
        var hidden = await api.CreateTenantAsync("Beta Hidden");
        var agent = await api.PostAsync("api/agents", new { name = "Tess Tech", email = "tess@msp.example", role = "technician" });
        await api.PostAsync("api/access-grants", new { agentId = agent.GetProperty("id").GetString(), scope = "tenant", tenantId = reached });

        var page = await console.OpenAsync(agent.GetProperty("apiKey").GetString()!);
        await page.GotoAsync("tenants");
        await page.HeadingAsync("Tenants");

        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Alpha Reached" })).ToBeVisibleAsync();
        await Expect(page.GetByText("Beta Hidden")).ToHaveCountAsync(0);
        // The owner is offered the wizard; the technician, whose role may not create tenants, is not.
        var ownerPage = await console.OpenAsync(ownerKey);
        await ownerPage.GotoAsync("tenants");
        await Expect(ownerPage.GetByRole(AriaRole.Link, new() { Name = "Add new tenant" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Add new tenant" })).ToHaveCountAsync(0);
        await page.AuditAsync("40-technician-tenants");
        // Its tenant reads as read-only: no promise of saving what it cannot change.
        await page.GotoAsync($"tenants/{reached}");
        await page.HeadingAsync("Alpha Reached");
        await Expect(page.Locator("#autosave-hint")).ToHaveTextAsync("Your role may read this tenant, not change it.");
        await page.AuditAsync("40b-technician-tenant");
        await page.GotoAsync($"tenants/{hidden}");
        await Expect(page.GetByText("Beta Hidden")).ToHaveCountAsync(0);
    }
}
