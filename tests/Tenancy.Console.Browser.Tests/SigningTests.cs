using System.Net;
using System.Security.Cryptography;
using Tenancy.TestSupport;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Tenancy.Console.Browser.Tests;

/// <summary>
/// An administrator agent's signing key in the console: made by WebCrypto at sign-in and registered pending, approved
/// by the account key on the Signing keys page, then used for sensitive operations the agent confirms in a dialog.
/// The local host verifies every signature: a change that happens is one the API accepted as signed.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class SigningTests(ConsoleFixture console)
{
    [Fact]
    public async Task An_administrator_signs_in_gets_a_key_approved_and_confirms_creating_a_group_and_deleting_a_tenant()
    {
        var (ownerKey, api) = await console.NewAccountAsync();
        var tenantId = await api.CreateTenantAsync("Fabrikam");
        var agent = await api.PostAsync("api/agents", new { name = "Ada Admin", email = "ada@msp.example", role = "administrator" });
        var agentId = agent.GetProperty("id").GetString();
        var page = await console.OpenAsync(agent.GetProperty("apiKey").GetString()!);

        // Sign-in makes and registers the key: it waits for an administrator, and nothing sensitive can be sent yet.
        await page.GotoAsync("device-groups");
        await page.HeadingAsync("Device groups");
        await Expect(page.Locator(".notice", new() { HasText = "Waiting for approval" })).ToBeVisibleAsync();
        var registered = (await api.GetJsonAsync($"api/agents/{agentId}/signing-keys")).GetProperty("items").EnumerateArray().Single();
        Assert.Equal("pending", registered.GetProperty("status").GetString());
        var fingerprint = registered.GetProperty("fingerprint").GetString()!;
        await Expect(page.Locator(".notice .fingerprint")).ToHaveTextAsync(fingerprint);
        await page.FillAsync("#group-name", "Spare laptops");
        await page.PressAsync("#group-name", "Enter");
        await Expect(page.Locator("#err-group-name")).ToContainTextAsync("Your signing key is waiting for an administrator's approval");
        await page.AuditAsync("50-signing-key-pending");

        // The account key approves it on the Signing keys page, after comparing the fingerprint.
        var owner = await console.OpenAsync(ownerKey);
        await owner.GotoAsync("signing-keys");
        await owner.HeadingAsync("Signing keys");
        var row = owner.Locator("#review-keys tr", new() { HasText = "Ada Admin" });
        await Expect(row.Locator(".fingerprint")).ToHaveTextAsync(fingerprint);
        await owner.AuditAsync("51-signing-keys-review");
        await row.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
        await Expect(owner.GetByRole(AriaRole.Status).First).ToContainTextAsync("approved");
        await Expect(row).ToContainTextAsync("Approved");

        await page.GetByRole(AriaRole.Button, new() { Name = "Check again" }).ClickAsync();
        await Expect(page.Locator(".notice", new() { HasText = "Waiting for approval" })).ToHaveCountAsync(0);

        // Cancel: nothing is sent.
        await page.PressAsync("#group-name", "Enter");
        var dialog = page.GetByRole(AriaRole.Alertdialog, new() { Name = "Confirm your signature key" });
        await Expect(dialog.GetByRole(AriaRole.Heading)).ToHaveTextAsync("Confirm your signature key");
        await Expect(dialog).ToContainTextAsync("You are about to create a device group.");
        await Expect(dialog.Locator(".fingerprint")).ToHaveTextAsync(fingerprint);
        await page.AuditAsync("52-signature-confirm");
        // Modal: focus starts on Confirm and stays in the dialog however far the agent tabs (the page behind is inert).
        await Expect(dialog.GetByRole(AriaRole.Button, new() { Name = "Confirm and sign" })).ToBeFocusedAsync();
        for (var i = 0; i < 3; i++) await page.Keyboard.PressAsync("Tab");
        Assert.True(await page.EvaluateAsync<bool>("() => document.getElementById('signature-dialog').contains(document.activeElement)"));
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await Expect(page.Locator("#err-group-name")).ToContainTextAsync("Signature cancelled: nothing was sent");
        Assert.Equal(0, (await api.GetJsonAsync("api/device-groups")).GetProperty("items").GetArrayLength());

        // Confirm: the request goes out signed and the API accepts it.
        await page.PressAsync("#group-name", "Enter");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Confirm and sign" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Spare laptops" })).ToBeVisibleAsync();
        Assert.Equal("Spare laptops", (await api.GetJsonAsync("api/device-groups")).GetProperty("items")[0].GetProperty("name").GetString());

        // Deleting a tenant: cancelled, it stays; confirmed, it goes.
        await page.GotoAsync($"tenants/{tenantId}");
        await page.HeadingAsync("Fabrikam");
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete tenant" }).ClickAsync();
        await page.ClickAsync("#delete-tenant-confirm");
        await Expect(dialog).ToContainTextAsync("You are about to delete a tenant.");
        await page.Keyboard.PressAsync("Escape");
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("nothing was sent");
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"api/tenants/{tenantId}")).StatusCode);
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete tenant" }).ClickAsync();
        await page.ClickAsync("#delete-tenant-confirm");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Confirm and sign" }).ClickAsync();
        await page.HeadingAsync("Tenants");
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"api/tenants/{tenantId}")).StatusCode);

        // The agent's own page: its key, approved by the account key, just used.
        await page.GotoAsync("signing-keys");
        await page.HeadingAsync("Signing keys");
        await Expect(page.Locator("#this-browser-status")).ToHaveTextAsync("Approved");
        var mine = page.Locator("#my-keys tbody tr");
        await Expect(mine).ToContainTextAsync("Account key");
        await Expect(mine.Locator("td").Nth(5)).Not.ToHaveTextAsync("–");
        await page.AuditAsync("53-signing-keys-agent");
    }

    [Fact]
    public async Task An_administrator_approves_another_agent_s_key_with_a_signed_request_and_sees_the_api_s_refusal_in_french()
    {
        var (_, api) = await console.NewAccountAsync();
        var bea = await api.PostAsync("api/agents", new { name = "Bea Admin", email = "bea@msp.example", role = "administrator" });
        var tom = await api.PostAsync("api/agents", new { name = "Tom Tech", email = "tom@msp.example", role = "technician" });
        var (beaId, tomId) = (bea.GetProperty("id").GetString(), tom.GetProperty("id").GetString());
        var page = await console.OpenAsync(bea.GetProperty("apiKey").GetString()!, lang: "fr");
        await page.GotoAsync("signing-keys");
        await page.HeadingAsync("Clés de signature");
        await Expect(page.Locator("#this-browser-status")).ToHaveTextAsync("En attente d'approbation");
        var beaKey = (await api.GetJsonAsync($"api/agents/{beaId}/signing-keys")).GetProperty("items")[0].GetProperty("id").GetString();
        await api.PostAsync($"api/signing-keys/{beaKey}/approve", new { });
        // Tom registers keys from his own device.
        using var asTom = new HttpClient { BaseAddress = console.BaseAddress };
        asTom.DefaultRequestHeaders.Authorization = new("Bearer", tom.GetProperty("apiKey").GetString());
        using var phone = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var phoneKey = (await asTom.PostAsync($"api/agents/{tomId}/signing-keys", new { name = "Phone", publicKey = SigningHandler.PublicJwk(phone) })).GetProperty("id").GetString();

        await page.GetByRole(AriaRole.Button, new() { Name = "Vérifier à nouveau" }).ClickAsync();
        await Expect(page.Locator("#this-browser-status")).ToHaveTextAsync("Approuvée");
        // Bea's own key is under "Vos clés" only: nobody approves their own key.
        await Expect(page.Locator("#review-keys tbody tr")).ToHaveCountAsync(1);

        // The key is revoked after the page showed it: the API refuses the approval and the page says why.
        await api.DeleteAsync($"api/signing-keys/{phoneKey}");
        await page.Locator("#review-keys tr", new() { HasText = "Phone" }).GetByRole(AriaRole.Button, new() { Name = "Approuver" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Alertdialog, new() { Name = "Confirmez votre clé de signature" });
        await Expect(dialog).ToContainTextAsync("Vous allez approuver une clé de signature.");
        await page.AuditAsync("54-signature-confirm-fr");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Confirmer et signer" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("a revoked key cannot be approved");

        // A new key of Tom's: approved by Bea's signed request.
        using var laptop = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var laptopKey = (await asTom.PostAsync($"api/agents/{tomId}/signing-keys", new { name = "Laptop", publicKey = SigningHandler.PublicJwk(laptop) })).GetProperty("id").GetString();
        await page.GetByRole(AriaRole.Button, new() { Name = "Vérifier à nouveau" }).ClickAsync();
        await page.Locator("#review-keys tr", new() { HasText = "Laptop" }).GetByRole(AriaRole.Button, new() { Name = "Approuver" }).ClickAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Confirmer et signer" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).First).ToHaveTextAsync("Clé « Laptop » approuvée.");
        await Expect(page.Locator("#review-keys tr", new() { HasText = "Laptop" })).ToContainTextAsync("Bea Admin");
        await page.AuditAsync("55-signing-keys-approved-fr");
        var approved = (await api.GetJsonAsync($"api/agents/{tomId}/signing-keys")).GetProperty("items").EnumerateArray().Single(k => k.GetProperty("id").GetString() == laptopKey);
        Assert.Equal("approved", approved.GetProperty("status").GetString());
        Assert.Equal(beaId, approved.GetProperty("approvedBy").GetString());
    }
}
