using Tenancy.Core.Common;
using Tenancy.Core.Imports;
using Tenancy.TestSupport;

namespace Tenancy.Storage.Tests.Imports;

/// <summary>R12: a job's progress moves as its chunks complete, in the job and in the job list.</summary>
[Collection(AzuriteCollection.Name)]
public class ImportProgressTests(AzuriteFixture azurite)
{
    private static string[][] Rows(int tenants) => Enumerable.Range(0, tenants)
        .Select(t => new[] { $"Tenant {t:D3}", "Contact", "TRUE", "", $"c@tenant{t}.com", "", "", "", "", $"tenant{t}.com" }).ToArray();

    [Fact]
    public async Task Progress_is_below_100_while_chunks_remain_and_100_once_the_last_is_done()
    {
        await using var harness = await ImportHarness.StartAsync(azurite, new Dictionary<string, string?> { ["TENANCY_IMPORTS:MaxChunkTenants"] = "4" });
        await harness.ParseAsync(ImportHarness.Workbook(Rows(10)));
        var chunks = harness.Sender.Sent.ToList();
        Assert.Equal(3, chunks.Count);

        var seen = new List<(int Job, int Listed, ImportStatus Status)>();
        async Task LookAsync()
        {
            var job = await harness.OnlyJobAsync();
            var listed = Assert.Single((await harness.Imports.ListAsync(harness.AccountId, new PageRequest(10, null), CancellationToken.None)).Items);
            var read = await harness.Imports.GetAsync(harness.AccountId, job.Id, CancellationToken.None);
            seen.Add((read.Progress, listed.Progress, read.Status));
        }

        await LookAsync();
        foreach (var chunk in chunks)
        {
            await harness.DeliverAsync(chunk);
            await LookAsync();
        }

        Assert.Equal([(0, 0, ImportStatus.Processing), (33, 33, ImportStatus.Processing), (66, 66, ImportStatus.Processing), (100, 100, ImportStatus.Completed)], seen);
    }
}
