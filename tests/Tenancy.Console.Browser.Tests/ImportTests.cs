using Microsoft.Playwright;
using Tenancy.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace Tenancy.Console.Browser.Tests;

/// <summary>Imports in the browser: drag and drop, validate-only, file picker, a live job to completion, the error report (R8, R11).</summary>
[Collection(ConsoleCollection.Name)]
public sealed class ImportTests(ConsoleFixture console)
{
    [Fact]
    public async Task A_template_with_one_bad_row_shows_progress_completion_and_the_error_report()
    {
        var (key, api) = await console.NewAccountAsync();
        var template = await api.GetByteArrayAsync("api/tenant-imports/template?lang=en");
        // Columns in template order: tenant, contact, primary, role, email, country code, phone, contact notes, tenant notes, domains.
        var file = Path.Combine(Path.GetTempPath(), $"tenants-{Guid.NewGuid():N}.xlsx");
        await File.WriteAllBytesAsync(file, Spreadsheets.Fill(template,
            ["Alpine Dental", "Ann Lee", "TRUE", "Office manager", "ann@alpinedental.example", "", "", "", "", "alpinedental.example"],
            ["Birch Legal", "Bob Martin", "TRUE", "", "not an email", "", "", "", "", ""]));
        var page = await console.OpenAsync(key);
        await page.GotoAsync("imports");
        await page.HeadingAsync("Import tenants");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Choose a file…" })).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=chosen-file]")).ToHaveTextAsync("No file chosen yet.");
        await page.AuditAsync("10-imports-empty");

        // Dropped on the zone, as from a file manager.
        var dropped = await page.EvaluateHandleAsync("""
            ([bytes, name]) => {
                const transfer = new DataTransfer();
                transfer.items.add(new File([new Uint8Array(bytes)], name));
                return transfer;
            }
            """, new object[] { (await File.ReadAllBytesAsync(file)).Select(b => (int)b).ToArray(), "dropped.xlsx" });
        await page.DispatchEventAsync("[data-testid=dropzone]", "drop", new { dataTransfer = dropped });
        await Expect(page.Locator("[data-testid=chosen-file]")).ToContainTextAsync("dropped.xlsx");
        await page.CheckAsync("#validate-only");
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload", Exact = true }).ClickAsync();
        var report = page.Locator("[data-testid=validation-report]");
        await Expect(report).ToContainTextAsync("2 row(s), 2 tenant(s), 1 error(s). Nothing was created.");
        await Expect(report).ToContainTextAsync("not an email");
        await page.AuditAsync("11-imports-validate-only");

        // Picked with the file input.
        await page.SetInputFilesAsync("#import-file", file);
        await Expect(page.Locator("[data-testid=chosen-file]")).ToContainTextAsync(Path.GetFileName(file));
        await page.UncheckAsync("#validate-only");
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "the import has started" })).ToBeVisibleAsync();
        await Expect(page.Locator("#upload-progress")).ToHaveAttributeAsync("value", "100");
        var job = page.Locator("[data-testid=import-job]").First;
        await Expect(job.Locator("progress")).ToBeVisibleAsync();
        await Expect(job).ToHaveAttributeAsync("data-status", "completedWithErrors");
        await Expect(job.Locator("progress")).ToHaveAttributeAsync("value", "100");
        // The job is done: the notice that it started has gone.
        await Expect(page.GetByText("the import has started")).ToHaveCountAsync(0);
        await Expect(job.Locator("td").Nth(4)).ToHaveTextAsync("1");
        await Expect(job.Locator("td").Nth(5)).ToHaveTextAsync("1");
        await page.AuditAsync("12-imports-completed");

        var download = await page.RunAndWaitForDownloadAsync(() =>
            job.GetByRole(AriaRole.Button, new() { Name = "Download error report" }).ClickAsync());
        var saved = Path.Combine(Path.GetTempPath(), $"errors-{Guid.NewGuid():N}.xlsx");
        await download.SaveAsAsync(saved);
        var rows = Spreadsheets.Read(await File.ReadAllBytesAsync(saved));
        Assert.Contains("Error", rows[0]);
        Assert.Equal("Birch Legal", Assert.Single(rows.Skip(1))[0]);
        Assert.Equal("Alpine Dental", (await api.TenantNamedAsync("Alpine Dental")).GetProperty("name").GetString());
    }
}
