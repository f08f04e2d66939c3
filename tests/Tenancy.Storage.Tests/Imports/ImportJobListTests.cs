using Tenancy.Core.Common;
using Tenancy.Core.Imports;
using Tenancy.Storage.Imports;
using Tenancy.TestSupport;

namespace Tenancy.Storage.Tests.Imports;

/// <summary>The job list is paged in storage, newest first, with opaque tokens; jobs past their retention go.</summary>
[Collection(AzuriteCollection.Name)]
public class ImportJobListTests(AzuriteFixture azurite)
{
    private readonly TableImportJobStore _store = new(azurite.Tables);
    private readonly string _account = AzuriteFixture.NewAccountId();
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    private async Task<ImportJob> AddAsync(int hoursAgo)
    {
        var job = new ImportJob(Ids.New("imp"), _account, $"file-{hoursAgo}.xlsx", $"{_account}/f{hoursAgo}", ImportStatus.Queued, Now.AddHours(-hoursAgo));
        return await _store.AddOrGetAsync(job, CancellationToken.None);
    }

    [Fact]
    public async Task Pages_follow_each_other_newest_first_without_repeats()
    {
        foreach (var hours in new[] { 5, 1, 3, 2, 4 }) await AddAsync(hours);

        var seen = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = await _store.ListAsync(_account, DateTimeOffset.MinValue, new PageRequest(2, token), CancellationToken.None);
            Assert.True(page.Items.Count <= 2);
            seen.AddRange(page.Items.Select(j => j.FileName));
            token = page.ContinuationToken;
            pages++;
        } while (token is not null);

        Assert.Equal(["file-1.xlsx", "file-2.xlsx", "file-3.xlsx", "file-4.xlsx", "file-5.xlsx"], seen);
        Assert.Equal(3, pages);
    }

    [Theory]
    [InlineData("2147483647")]
    [InlineData("-1")]
    [InlineData("SXxub3Q")]
    public async Task A_token_this_service_did_not_issue_is_a_validation_error(string token)
    {
        await AddAsync(1);

        var error = await Assert.ThrowsAsync<ValidationException>(() =>
            _store.ListAsync(_account, DateTimeOffset.MinValue, new PageRequest(2, token), CancellationToken.None));

        Assert.True(error.Errors.ContainsKey("continuationToken"));
    }

    [Fact]
    public async Task Jobs_created_before_the_cutoff_are_not_listed_and_are_deleted()
    {
        var old = await AddAsync(24 * 100);
        var recent = await AddAsync(1);
        var cutoff = Now.AddDays(-90);

        var listed = await _store.ListAsync(_account, cutoff, new PageRequest(50, null), CancellationToken.None);
        var deleted = await _store.DeleteCreatedBeforeAsync(_account, cutoff, 10, CancellationToken.None);

        Assert.Equal([recent.Id], listed.Items.Select(j => j.Id));
        Assert.Equal(1, deleted);
        Assert.Null(await _store.FindAsync(_account, old.Id, CancellationToken.None));
        Assert.NotNull(await _store.FindAsync(_account, recent.Id, CancellationToken.None));
    }
}
