using Tenancy.Core.Imports;
using Tenancy.TestSupport;

namespace Tenancy.Storage.Tests.Imports;

/// <summary>Issue 11: a job never stays queued, parsing or processing with no work left; reading it settles it.</summary>
[Collection(AzuriteCollection.Name)]
public class StaleJobTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Start = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    private static string[][] Rows(int tenants) => Enumerable.Range(0, tenants)
        .Select(t => new[] { $"Tenant {t:D3}", "Contact", "TRUE", "", $"c@tenant{t}.com", "", "", "", "", "" }).ToArray();

    private async Task<(ImportHarness Harness, ManualClock Clock)> StartAsync()
    {
        var clock = new ManualClock(Start);
        var harness = await ImportHarness.StartAsync(azurite, new Dictionary<string, string?> { ["TENANCY_IMPORTS:MaxChunkTenants"] = "4" }, clock);
        return (harness, clock);
    }

    [Fact]
    public async Task A_job_whose_chunks_were_lost_fails_as_stalled_after_the_configured_time_and_says_what_to_do()
    {
        var (harness, clock) = await StartAsync();
        await using var _ = harness;
        await harness.ParseAsync(ImportHarness.Workbook(Rows(10)));
        var chunks = harness.Sender.Sent.ToList();
        await harness.DeliverAsync(chunks[0]);
        var id = (await harness.OnlyJobAsync()).Id;

        clock.Advance(TimeSpan.FromMinutes(29));
        Assert.Equal(ImportStatus.Processing, (await harness.Imports.GetAsync(harness.AccountId, id, CancellationToken.None)).Status);
        clock.Advance(TimeSpan.FromMinutes(2));
        var job = await harness.Imports.GetAsync(harness.AccountId, id, CancellationToken.None);

        Assert.Equal((ImportStatus.Failed, ImportFailure.Stalled, 4, 100), (job.Status, job.Failure?.Code, job.CreatedCount, job.Progress));
        Assert.Contains("2 of 3 batches of tenants never finished", job.Failure!.Message);
        Assert.Contains("Upload the file again", job.Failure.Message);
        Assert.Equal(ImportStatus.Failed, (await harness.OnlyJobAsync()).Status);
    }

    [Fact]
    public async Task A_stalled_job_whose_late_chunks_arrive_after_all_completes()
    {
        var (harness, clock) = await StartAsync();
        await using var _ = harness;
        await harness.ParseAsync(ImportHarness.Workbook(Rows(10)));
        var chunks = harness.Sender.Sent.ToList();
        var id = (await harness.OnlyJobAsync()).Id;
        clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(ImportStatus.Failed, (await harness.Imports.GetAsync(harness.AccountId, id, CancellationToken.None)).Status);

        foreach (var chunk in chunks) await harness.DeliverAsync(chunk);

        var job = await harness.Imports.GetAsync(harness.AccountId, id, CancellationToken.None);
        Assert.Equal((ImportStatus.Completed, 10, 100), (job.Status, job.CreatedCount, job.Progress));
    }

    [Fact]
    public async Task A_job_left_parsing_after_its_chunks_all_completed_is_finished_when_read()
    {
        var (harness, clock) = await StartAsync();
        await using var _ = harness;
        await harness.ParseAsync(ImportHarness.Workbook(Rows(10)));
        await harness.DeliverAllAsync();
        var done = await harness.OnlyJobAsync();
        // The file stage stopped after sending its chunks, before it wrote "processing".
        await harness.Jobs.SaveStageAsync(done with { Stage = ImportStatus.Parsing }, CancellationToken.None);
        Assert.Equal(ImportStatus.Parsing, (await harness.Imports.GetAsync(harness.AccountId, done.Id, CancellationToken.None)).Status);

        clock.Advance(TimeSpan.FromMinutes(31));
        var job = await harness.Imports.GetAsync(harness.AccountId, done.Id, CancellationToken.None);

        Assert.Equal((ImportStatus.Completed, 10, null), (job.Status, job.CreatedCount, job.Failure));
        Assert.Equal(10, (await harness.AllTenantsAsync()).Count);
    }

    [Fact]
    public async Task A_job_never_picked_up_fails_as_stalled_when_listed()
    {
        var (harness, clock) = await StartAsync();
        await using var _ = harness;
        var blob = await harness.DropAsync(ImportHarness.Workbook(Rows(1)));
        await harness.Jobs.AddOrGetAsync(new ImportJob("imp_never_picked_up", harness.AccountId, "lost.xlsx", blob, ImportStatus.Queued, Start), CancellationToken.None);

        clock.Advance(TimeSpan.FromMinutes(31));
        var job = Assert.Single((await harness.Imports.ListAsync(harness.AccountId, new Core.Common.PageRequest(10, null), CancellationToken.None)).Items);

        Assert.Equal((ImportStatus.Failed, ImportFailure.Stalled), (job.Status, job.Failure?.Code));
        Assert.Contains("never picked up", job.Failure!.Message);
        Assert.Equal(ImportStatus.Failed, (await harness.OnlyJobAsync()).Status);
    }
}
