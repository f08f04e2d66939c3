using Tenancy.Core.Common;
using Tenancy.Core.Contacts;
using Tenancy.Core.Imports;
using Tenancy.Core.Tenants;
using Tenancy.TestSupport;

namespace Tenancy.Storage.Tests.Imports;

/// <summary>R12: undo removes what an import created and restores what it updated, except what changed since.</summary>
[Collection(AzuriteCollection.Name)]
public class UndoImportTests(AzuriteFixture azurite)
{
    private static readonly Dictionary<string, string?> SmallChunks = new() { ["TENANCY_IMPORTS:MaxChunkTenants"] = "4" };

    private static string[][] Rows(int tenants) => Enumerable.Range(0, tenants)
        .Select(t => new[] { $"Tenant {t:D3}", "Contact", "TRUE", "", $"c@tenant{t}.com", "", "", "", "", $"tenant{t}.com" }).ToArray();

    private static async Task<ImportJob> ImportAsync(ImportHarness harness, byte[] file, ImportMode mode = ImportMode.Create)
    {
        var job = await harness.Imports.UploadAsync(harness.AccountId, "tenants.xlsx", new MemoryStream(file), mode, CancellationToken.None);
        await harness.Processor.HandleBlobAsync(job.BlobName, CancellationToken.None);
        await harness.DeliverAllAsync();
        return await harness.Imports.GetAsync(harness.AccountId, job.Id, CancellationToken.None);
    }

    private static Task<ImportJob> ReadAsync(ImportHarness harness, string id) => harness.Imports.GetAsync(harness.AccountId, id, CancellationToken.None);

    [Fact]
    public async Task Undo_after_a_create_removes_every_tenant_it_created_chunk_by_chunk()
    {
        await using var harness = await ImportHarness.StartAsync(azurite, SmallChunks);
        var imported = await ImportAsync(harness, ImportHarness.Workbook(Rows(10)));
        await harness.Tenants.CreateAsync(harness.AccountId, new NewTenantRequest("Not imported", null, [new ContactFields("Zed", null, null, null, null, null, true)]),
            TenantOrigin.Console, CancellationToken.None);

        var started = await harness.Imports.UndoAsync(harness.AccountId, imported.Id, CancellationToken.None);
        Assert.Equal(ImportStatus.Undoing, started.Status);
        var undoChunks = harness.Sender.Sent.ToList();
        Assert.Equal(3, undoChunks.Count);
        await harness.DeliverAsync(undoChunks[0]);
        var midway = await ReadAsync(harness, imported.Id);
        Assert.Equal((ImportStatus.Undoing, 33), (midway.Status, midway.Progress));
        await harness.DeliverAllAsync();

        var job = await ReadAsync(harness, imported.Id);
        Assert.Equal((ImportStatus.Undone, 100), (job.Status, job.Progress));
        Assert.NotNull(job.UndoneAt);
        Assert.Equal((10, 0, 0), (job.UndoChunks.Sum(u => u.Removed), job.UndoChunks.Sum(u => u.Restored), job.UndoChunks.Sum(u => u.Kept.Count)));
        Assert.Equal(["Not imported"], (await harness.AllTenantsAsync()).Select(t => t.Name));
    }

    [Fact]
    public async Task Undo_after_an_upsert_restores_the_updated_tenant_and_removes_the_created_one()
    {
        await using var harness = await ImportHarness.StartAsync(azurite);
        await harness.Tenants.CreateAsync(harness.AccountId, new NewTenantRequest("Contoso", "Old notes",
            [new ContactFields("Ann Lee", "IT", "ann@contoso.com", null, null, null, true)], Domains: ["contoso.com"]), TenantOrigin.Console, CancellationToken.None);
        var before = Assert.Single(await harness.AllTenantsAsync());
        var imported = await ImportAsync(harness, ImportHarness.Workbook(
            ["Contoso", "Ann Lee", "TRUE", "CTO", "ann@contoso.com", "", "", "", "New notes", "contoso.net"],
            ["Contoso", "Bob Ray", "FALSE", "", "bob@contoso.com", "", "", "", "", ""],
            ["Northwind", "Nancy", "TRUE", "", "nancy@northwind.com", "", "", "", "", ""]), ImportMode.Upsert);
        Assert.Equal((1, 1), (imported.CreatedCount, imported.UpdatedCount));

        await harness.Imports.UndoAsync(harness.AccountId, imported.Id, CancellationToken.None);
        await harness.DeliverAllAsync();

        var job = await ReadAsync(harness, imported.Id);
        Assert.Equal((ImportStatus.Undone, 1, 1), (job.Status, job.UndoChunks.Sum(u => u.Removed), job.UndoChunks.Sum(u => u.Restored)));
        var contoso = Assert.Single(await harness.AllTenantsAsync());
        Assert.True(TenantSnapshot.Of(before).Matches(contoso));
        Assert.Equal(("Old notes", "IT"), (contoso.Notes, contoso.Contacts.Single().Role));
        Assert.Equal(["contoso.com"], contoso.Domains);
    }

    [Fact]
    public async Task Undo_keeps_and_reports_a_created_tenant_someone_edited_since()
    {
        await using var harness = await ImportHarness.StartAsync(azurite, SmallChunks);
        var imported = await ImportAsync(harness, ImportHarness.Workbook(Rows(5)));
        var edited = (await harness.AllTenantsAsync()).Single(t => t.Name == "Tenant 002");
        await harness.Tenants.UpdateAsync(harness.AccountId, edited.Id, new TenantPatch(null, "Edited by a person"), null, CancellationToken.None);

        await harness.Imports.UndoAsync(harness.AccountId, imported.Id, CancellationToken.None);
        await harness.DeliverAllAsync();

        var job = await ReadAsync(harness, imported.Id);
        Assert.Equal((ImportStatus.Undone, 4), (job.Status, job.UndoChunks.Sum(u => u.Removed)));
        var kept = Assert.Single(job.UndoChunks.SelectMany(u => u.Kept));
        Assert.Equal((edited.Id, "Tenant 002"), (kept.TenantId, kept.TenantName));
        Assert.Contains("changed since the import", kept.Reason);
        Assert.Equal("Edited by a person", Assert.Single(await harness.AllTenantsAsync()).Notes);
    }

    [Fact]
    public async Task Undo_twice_and_undo_chunks_delivered_twice_change_nothing_more()
    {
        await using var harness = await ImportHarness.StartAsync(azurite, SmallChunks);
        var imported = await ImportAsync(harness, ImportHarness.Workbook(Rows(6)));

        await harness.Imports.UndoAsync(harness.AccountId, imported.Id, CancellationToken.None);
        var undoChunks = harness.Sender.Sent.ToList();
        foreach (var chunk in undoChunks.Concat(undoChunks)) await harness.DeliverAsync(chunk);
        harness.Sender.Sent.Clear();
        var again = await harness.Imports.UndoAsync(harness.AccountId, imported.Id, CancellationToken.None);

        Assert.Equal(ImportStatus.Undone, again.Status);
        Assert.Empty(harness.Sender.Sent);
        foreach (var chunk in undoChunks) await harness.DeliverAsync(chunk);
        var job = await ReadAsync(harness, imported.Id);
        Assert.Equal((ImportStatus.Undone, 6, 0), (job.Status, job.UndoChunks.Sum(u => u.Removed), job.UndoChunks.Sum(u => u.Kept.Count)));
        Assert.Empty(await harness.AllTenantsAsync());
    }

    [Fact]
    public async Task An_undo_that_crashes_midway_then_is_delivered_again_removes_and_restores_everything_once()
    {
        var settings = new Dictionary<string, string?> { ["TENANCY_IMPORTS:MaxChunkTenants"] = "50" };
        await using var harness = await ImportHarness.StartAsync(azurite, settings);
        await harness.Tenants.CreateAsync(harness.AccountId, new NewTenantRequest("Tenant 000", "Before",
            [new ContactFields("Someone", null, "someone@tenant0.com", null, null, null, true)]), TenantOrigin.Console, CancellationToken.None);
        var rows = Rows(20).Select(r => r[0] == "Tenant 000" ? r.Select((c, i) => i == 8 ? "After" : c).ToArray() : r).ToArray();
        var imported = await ImportAsync(harness, ImportHarness.Workbook(rows), ImportMode.Upsert);
        Assert.Equal((19, 1), (imported.CreatedCount, imported.UpdatedCount));
        await harness.Imports.UndoAsync(harness.AccountId, imported.Id, CancellationToken.None);
        var undo = Assert.Single(harness.Sender.Sent.ToList());

        await using (var crashing = await harness.CrashingAfterAsync(azurite, allowedTransactions: 6, settings))
            await Assert.ThrowsAnyAsync<Exception>(() => crashing.DeliverAsync(undo));
        Assert.InRange((await harness.AllTenantsAsync()).Count, 2, 19);
        Assert.Equal(ImportStatus.Undoing, (await ReadAsync(harness, imported.Id)).Status);
        await harness.DeliverAsync(undo);
        await harness.DeliverAsync(undo);

        var job = await ReadAsync(harness, imported.Id);
        Assert.Equal((ImportStatus.Undone, 19, 1, 0), (job.Status, job.UndoChunks.Sum(u => u.Removed), job.UndoChunks.Sum(u => u.Restored), job.UndoChunks.Sum(u => u.Kept.Count)));
        var left = Assert.Single(await harness.AllTenantsAsync());
        Assert.Equal(("Tenant 000", "Before"), (left.Name, left.Notes));
    }

    [Fact]
    public async Task An_import_still_running_cannot_be_undone()
    {
        await using var harness = await ImportHarness.StartAsync(azurite, SmallChunks);
        var job = await harness.Imports.UploadAsync(harness.AccountId, "tenants.xlsx", new MemoryStream(ImportHarness.Workbook(Rows(6))), CancellationToken.None);
        await harness.Processor.HandleBlobAsync(job.BlobName, CancellationToken.None);

        var refused = await Assert.ThrowsAsync<ConflictException>(() => harness.Imports.UndoAsync(harness.AccountId, job.Id, CancellationToken.None));
        Assert.Equal("import-not-finished", refused.Kind);
    }
}
