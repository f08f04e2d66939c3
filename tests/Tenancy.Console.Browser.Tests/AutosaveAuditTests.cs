using static Microsoft.Playwright.Assertions;

namespace Tenancy.Console.Browser.Tests;

/// <summary>R10: the notes autosave of one editing session is one audit entry, not one per pause in typing.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class AutosaveAuditTests(ConsoleFixture console)
{
    /// <summary>Waits until the API has the notes (each pause in typing saves them); the bound only stops a test that would hang.</summary>
    private static async Task StoredAsync(HttpClient api, string tenant, string notes)
    {
        for (var i = 0; i < 600; i++)
        {
            if ((await api.GetJsonAsync($"api/tenants/{tenant}")).GetProperty("notes").ToString() == notes) return;
            await Task.Delay(100);
        }
        Assert.Fail($"the notes '{notes}' were never saved");
    }

    [Fact]
    public async Task The_pauses_of_one_notes_editing_session_make_one_audit_entry_and_the_next_session_another()
    {
        var (key, api) = await console.NewAccountAsync();
        var tenant = await api.CreateTenantAsync("Contoso");
        var page = await console.OpenAsync(key);
        await page.GotoAsync($"tenants/{tenant}");
        await page.HeadingAsync("Contoso");

        await page.FillAsync("#tenant-notes", "Key");
        await StoredAsync(api, tenant, "Key");
        await page.FillAsync("#tenant-notes", "Key account");
        await StoredAsync(api, tenant, "Key account");
        await page.FillAsync("#tenant-notes", "Key account, Lyon");
        await page.Keyboard.PressAsync("Tab");
        await StoredAsync(api, tenant, "Key account, Lyon");
        await page.FillAsync("#tenant-notes", "Key account, Lyon and Paris");
        await page.Keyboard.PressAsync("Tab");
        await StoredAsync(api, tenant, "Key account, Lyon and Paris");

        var updates = (await api.GetJsonAsync($"api/audit?targetId={tenant}")).GetProperty("items").EnumerateArray()
            .Where(e => e.GetProperty("action").GetString() == "tenant.updated")
            .Select(e => (Before: e.GetProperty("before").TryGetProperty("notes", out var b) ? b.GetString() : null,
                          After: e.GetProperty("after").GetProperty("notes").GetString()))
            .ToList();
        Assert.Equal([("Key account, Lyon", "Key account, Lyon and Paris"), (null, "Key account, Lyon")], updates);
        await Expect(page.Locator("[data-testid=save-state]")).ToHaveTextAsync("Saved.");
    }
}
