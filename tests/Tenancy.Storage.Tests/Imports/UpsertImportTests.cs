using Microsoft.Extensions.DependencyInjection;
using Tenancy.Core.Contacts;
using Tenancy.Core.Imports;
using Tenancy.Core.Tenants;
using Tenancy.TestSupport;

namespace Tenancy.Storage.Tests.Imports;

/// <summary>R12: mode=upsert updates tenants that exist (API.md), counts what it did, and counts it once under redelivery.</summary>
[Collection(AzuriteCollection.Name)]
public class UpsertImportTests(AzuriteFixture azurite)
{
    private static readonly string[][] ContosoChanges =
    [
        ["Contoso", "Ann Lee", "TRUE", "CTO", "ann@contoso.com", "", "", "", "New notes", "contoso.net, fabrikam.com"],
        ["Contoso", "Bob Ray", "FALSE", "", "bob@contoso.com", "", "", "", "", ""],
        ["Northwind", "Nancy", "TRUE", "", "nancy@northwind.com", "", "", "", "", "northwind.com"],
    ];

    private static async Task<ImportHarness> WithTenantsAsync(AzuriteFixture azurite, int maxChunkTenants = 50)
    {
        var harness = await ImportHarness.StartAsync(azurite, new Dictionary<string, string?> { ["TENANCY_IMPORTS:MaxChunkTenants"] = maxChunkTenants.ToString() });
        await harness.Tenants.CreateAsync(harness.AccountId, new NewTenantRequest("Contoso", "Old notes",
            [new ContactFields("Ann Lee", "IT", "ann@contoso.com", null, null, null, true), new ContactFields("Carl", null, null, null, null, "night", false)],
            Domains: ["contoso.com"]), TenantOrigin.Console, CancellationToken.None);
        await harness.Tenants.CreateAsync(harness.AccountId, new NewTenantRequest("Fabrikam", null,
            [new ContactFields("Fay", null, "fay@fabrikam.com", null, null, null, true)], Domains: ["fabrikam.com"]), TenantOrigin.Console, CancellationToken.None);
        return harness;
    }

    private static async Task UploadUpsertAsync(ImportHarness harness, byte[] file)
    {
        var job = await harness.Imports.UploadAsync(harness.AccountId, "changes.xlsx", new MemoryStream(file), ImportMode.Upsert, CancellationToken.None);
        await harness.Processor.HandleBlobAsync(job.BlobName, CancellationToken.None);
    }

    private static async Task<Tenant> NamedAsync(ImportHarness harness, string name) =>
        Assert.Single(await harness.AllTenantsAsync(), t => t.Name == name);

    [Fact]
    public async Task An_upsert_adds_a_contact_changes_notes_and_reports_a_domain_owned_by_another_tenant_as_that_rows_error()
    {
        await using var harness = await WithTenantsAsync(azurite);

        await UploadUpsertAsync(harness, ImportHarness.Workbook(ContosoChanges));
        await harness.DeliverAllAsync();

        var job = await harness.OnlyJobAsync();
        Assert.Equal((ImportMode.Upsert, ImportStatus.CompletedWithErrors), (job.Mode, job.Status));
        Assert.Equal((1, 1, 0, 0), (job.CreatedCount, job.UpdatedCount, job.UnchangedCount, job.FailedCount));
        var error = Assert.Single(job.AllErrors);
        Assert.Equal((2, "Domains"), (error.Row, error.Column));
        Assert.Contains("fabrikam.com", error.Message);

        var contoso = await NamedAsync(harness, "Contoso");
        Assert.Equal("New notes", contoso.Notes);
        Assert.Equal(["contoso.com", "contoso.net"], contoso.Domains.Order());
        Assert.Equal(["Ann Lee", "Bob Ray", "Carl"], contoso.Contacts.Select(c => c.Name).Order());
        Assert.Equal(("CTO", true), (contoso.Contacts.Single(c => c.Name == "Ann Lee").Role, contoso.Contacts.Single(c => c.Name == "Ann Lee").IsPrimary));
        Assert.Equal("night", contoso.Contacts.Single(c => c.Name == "Carl").Notes);
        Assert.Equal(["fabrikam.com"], (await NamedAsync(harness, "Fabrikam")).Domains);
        Assert.Equal(["northwind.com"], (await NamedAsync(harness, "Northwind")).Domains);
    }

    [Fact]
    public async Task The_same_file_again_leaves_every_tenant_unchanged()
    {
        await using var harness = await WithTenantsAsync(azurite);
        await UploadUpsertAsync(harness, ImportHarness.Workbook(ContosoChanges));
        await harness.DeliverAllAsync();
        var before = await NamedAsync(harness, "Contoso");

        await UploadUpsertAsync(harness, ImportHarness.Workbook(ContosoChanges));
        await harness.DeliverAllAsync();

        var jobs = (await harness.Jobs.ListAsync(harness.AccountId, DateTimeOffset.MinValue, new Core.Common.PageRequest(10, null), CancellationToken.None)).Items;
        var second = jobs.OrderBy(j => j.CreatedAt).Last();
        Assert.Equal((0, 0, 2, 0), (second.CreatedCount, second.UpdatedCount, second.UnchangedCount, second.FailedCount));
        Assert.Equal(before.ETag, (await NamedAsync(harness, "Contoso")).ETag);
    }

    [Fact]
    public async Task A_contact_without_email_is_matched_by_name_and_updated()
    {
        await using var harness = await WithTenantsAsync(azurite);

        await UploadUpsertAsync(harness, ImportHarness.Workbook(["contoso", "carl", "", "Night operator", "", "", "", "", "", ""]));
        await harness.DeliverAllAsync();

        var contoso = await NamedAsync(harness, "Contoso");
        Assert.Equal(2, contoso.Contacts.Count);
        Assert.Equal(("Night operator", "night", false), (contoso.Contacts.Single(c => c.Email is null).Role, contoso.Contacts.Single(c => c.Email is null).Notes, contoso.Contacts.Single(c => c.Email is null).IsPrimary));
        Assert.Equal("Old notes", contoso.Notes);
        Assert.Equal(1, (await harness.OnlyJobAsync()).UpdatedCount);
    }

    [Fact]
    public async Task Chunks_delivered_twice_and_a_chunk_applied_before_a_crash_still_count_each_tenant_once()
    {
        await using var harness = await WithTenantsAsync(azurite, maxChunkTenants: 1);
        await UploadUpsertAsync(harness, ImportHarness.Workbook(ContosoChanges));
        var chunks = harness.Sender.Sent.ToList();
        Assert.Equal(2, chunks.Count);

        // The first delivery applies everything and dies before it records the chunk's result.
        foreach (var chunk in chunks)
            await harness.Services.GetRequiredService<ImportUpserter>().UpsertAsync(ImportChunk.TryParse(chunk.Body, out _)!, TemplateLanguage.English, CancellationToken.None);
        foreach (var chunk in chunks.Concat(chunks))
            await harness.DeliverAsync(chunk);

        var job = await harness.OnlyJobAsync();
        Assert.Equal((1, 1, 0, 0), (job.CreatedCount, job.UpdatedCount, job.UnchangedCount, job.FailedCount));
        Assert.Equal(3, (await NamedAsync(harness, "Contoso")).Contacts.Count);
        Assert.Equal(3, (await harness.AllTenantsAsync()).Count);
    }

    [Fact]
    public async Task Validate_only_in_upsert_mode_reports_what_would_be_created_updated_and_unchanged_and_writes_nothing()
    {
        await using var harness = await WithTenantsAsync(azurite);
        var rows = ContosoChanges.Append(["Fabrikam", "Fay", "TRUE", "", "fay@fabrikam.com", "", "", "", "", ""]).ToArray();

        var report = await harness.Imports.ValidateAsync(harness.AccountId, "check.xlsx", ImportHarness.Workbook(rows), ImportMode.Upsert, CancellationToken.None);

        Assert.Equal((ImportStatus.Validated, 1, 1, 1, 0), (report.Status, report.CreatedCount, report.UpdatedCount, report.UnchangedCount, report.FailedCount));
        Assert.Equal("Old notes", (await NamedAsync(harness, "Contoso")).Notes);
        Assert.Equal(2, (await harness.AllTenantsAsync()).Count);
    }

    [Theory]
    [InlineData("tenants.upsert.xlsx", null, ImportMode.Upsert)]
    [InlineData("tenants.xlsx", ImportMode.Upsert, ImportMode.Upsert)]
    [InlineData("tenants.xlsx", null, ImportMode.Create)]
    public async Task A_dropped_blob_asks_for_upsert_by_its_metadata_or_a_upsert_xlsx_suffix(string name, ImportMode? metadata, ImportMode expected)
    {
        await using var harness = await WithTenantsAsync(azurite);
        var blob = $"{harness.AccountId}/{Guid.NewGuid():N}-{name}";
        await harness.Services.GetRequiredService<IImportFileStore>().UploadAsync(blob,
            new MemoryStream(ImportHarness.Workbook(ContosoChanges)), metadata ?? ImportMode.Create, CancellationToken.None);

        await harness.Processor.HandleBlobAsync(blob, CancellationToken.None);
        await harness.DeliverAllAsync();

        var job = await harness.OnlyJobAsync();
        Assert.Equal(expected, job.Mode);
        Assert.Equal(expected == ImportMode.Upsert ? 1 : 0, job.UpdatedCount);
    }
}
