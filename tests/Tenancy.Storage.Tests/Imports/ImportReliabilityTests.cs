using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Tenancy.Core.Accounts;
using Tenancy.Core.Common;
using Tenancy.Core.Imports;
using Tenancy.Core.Tenants;
using Tenancy.Excel;
using Tenancy.Hosting;
using Tenancy.Storage.Imports;
using Tenancy.TestSupport;

namespace Tenancy.Storage.Tests.Imports;

/// <summary>The import stages driven by hand: delivered twice, crashed midway, fed bad files.</summary>
[Collection(AzuriteCollection.Name)]
public class ImportReliabilityTests(AzuriteFixture azurite)
{
    private ServiceProvider Services(int maxTenants = 10_000, HttpPipelinePolicy? tableFault = null, int maxChunkTenants = 4)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["TENANCY_STORAGE:ConnectionString"] = azurite.ConnectionString,
            ["TENANCY_IMPORTS:MaxTenants"] = maxTenants.ToString(),
            ["TENANCY_IMPORTS:MaxChunkTenants"] = maxChunkTenants.ToString(),
        }).Build();
        var services = new ServiceCollection().AddTenancy(config);
        services.AddSingleton<CapturingSender>();
        services.AddSingleton<IMessageSender>(sp => sp.GetRequiredService<CapturingSender>());
        if (tableFault is not null)
        {
            var options = new TableClientOptions();
            options.Retry.MaxRetries = 0;
            options.AddPolicy(tableFault, HttpPipelinePosition.PerCall);
            services.AddSingleton(new TableServiceClient(azurite.ConnectionString, options));
        }
        return services.BuildServiceProvider();
    }

    private static async Task<string> AccountAsync(IServiceProvider services)
    {
        await services.GetRequiredService<BlobImportFileStore>().Container.CreateIfNotExistsAsync();
        return (await services.GetRequiredService<AccountService>().CreateAsync("Importer", Plan.Msp, CancellationToken.None)).Account.Id;
    }

    private static byte[] Template(int tenants, int contactsEach = 2) => Spreadsheets.Fill(new TemplateWriter().Create(TemplateLanguage.English),
        Enumerable.Range(0, tenants).SelectMany(t => Enumerable.Range(0, contactsEach).Select(c => new[]
        {
            $"Tenant {t:D3}", $"Contact {c}", c == 0 ? "TRUE" : "FALSE", "", $"c{c}@tenant{t}.com", "", "", "", "", $"tenant{t}.com",
        })).ToArray());

    private static async Task<string> DropAsync(IServiceProvider services, string accountId, byte[] file, string name = "drop.xlsx")
    {
        var blobName = $"{accountId}/{Guid.NewGuid():N}-{name}";
        await services.GetRequiredService<IImportFileStore>().UploadAsync(blobName, new MemoryStream(file), CancellationToken.None);
        return blobName;
    }

    private static async Task<ImportJob> OnlyJobAsync(IServiceProvider services, string accountId) =>
        Assert.Single((await services.GetRequiredService<IImportJobStore>().ListAsync(accountId, DateTimeOffset.MinValue, new PageRequest(200, null), CancellationToken.None)).Items);

    private static async Task<IReadOnlyList<Tenant>> TenantsAsync(IServiceProvider services, string accountId)
    {
        var tenantService = services.GetRequiredService<TenantService>();
        var summaries = await tenantService.ListAsync(accountId, null, new PageRequest(200, null), CancellationToken.None);
        return await Task.WhenAll(summaries.Items.Select(s => tenantService.GetAsync(accountId, s.Id, CancellationToken.None)));
    }

    [Fact]
    public async Task A_blob_event_seen_twice_and_every_chunk_delivered_twice_create_each_tenant_once()
    {
        await using var services = Services();
        var accountId = await AccountAsync(services);
        var blob = await DropAsync(services, accountId, Template(10));
        var processor = services.GetRequiredService<ImportProcessor>();

        await Task.WhenAll(processor.HandleBlobAsync(blob, CancellationToken.None), processor.HandleBlobAsync(blob, CancellationToken.None));
        await processor.HandleBlobAsync(blob, CancellationToken.None);
        var chunks = services.GetRequiredService<CapturingSender>().Sent.ToList();
        foreach (var chunk in chunks.Concat(chunks))
            Assert.False((await processor.HandleChunkAsync(chunk.Body, CancellationToken.None)).IsPoison);

        var job = await OnlyJobAsync(services, accountId);
        Assert.Equal((ImportStatus.Completed, 10, 10, 0), (job.Status, job.TenantCount, job.CreatedCount, job.FailedCount));
        var tenants = await TenantsAsync(services, accountId);
        Assert.Equal(10, tenants.Count);
        Assert.All(tenants, t => Assert.Equal(2, t.Contacts.Count));
        Assert.Equal(3, chunks.Select(c => c.MessageId).Distinct().Count());
        Assert.All(chunks, c => Assert.True(System.Text.Encoding.UTF8.GetByteCount(c.Body) < 64 * 1024));
    }

    [Fact]
    public async Task A_crash_midway_through_a_chunk_then_redelivery_leaves_exact_counts_and_no_duplicates()
    {
        await using var healthy = Services(maxChunkTenants: 50);
        var accountId = await AccountAsync(healthy);
        // Enough tenants for several transactions, since tenants are written several to a transaction.
        var blob = await DropAsync(healthy, accountId, Template(40, contactsEach: 3));
        await healthy.GetRequiredService<ImportProcessor>().HandleBlobAsync(blob, CancellationToken.None);
        var chunk = Assert.Single(healthy.GetRequiredService<CapturingSender>().Sent);

        await using (var crashing = Services(tableFault: new FailingTransactionsPolicy(allowed: 2), maxChunkTenants: 50))
            await Assert.ThrowsAnyAsync<Exception>(() => crashing.GetRequiredService<ImportProcessor>().HandleChunkAsync(chunk.Body, CancellationToken.None));
        Assert.InRange((await TenantsAsync(healthy, accountId)).Count, 1, 39);
        Assert.Equal(ImportStatus.Processing, (await OnlyJobAsync(healthy, accountId)).Status);

        await healthy.GetRequiredService<ImportProcessor>().HandleChunkAsync(chunk.Body, CancellationToken.None);
        await healthy.GetRequiredService<ImportProcessor>().HandleChunkAsync(chunk.Body, CancellationToken.None);

        var job = await OnlyJobAsync(healthy, accountId);
        Assert.Equal((ImportStatus.Completed, 40, 0), (job.Status, job.CreatedCount, job.FailedCount));
        var tenants = await TenantsAsync(healthy, accountId);
        Assert.Equal(40, tenants.Count);
        Assert.All(tenants, t => Assert.Equal(3, t.Contacts.Count));
        Assert.All(tenants, t => Assert.Single(t.Contacts, c => c.IsPrimary));
    }

    [Fact]
    public async Task Tenants_written_together_still_refuse_a_taken_name_and_a_domain_claimed_twice_one_by_one()
    {
        await using var services = Services(maxChunkTenants: 50);
        var accountId = await AccountAsync(services);
        await services.GetRequiredService<TenantService>().CreateAsync(accountId,
            new NewTenantRequest("Tenant 005", null, [new Core.Contacts.ContactFields("Ann", null, null, null, null, null, null)]),
            TenantOrigin.Console, CancellationToken.None);
        var rows = Enumerable.Range(0, 30).Select(t => new[]
        {
            $"Tenant {t:D3}", "Contact", "TRUE", "", $"c@tenant{t}.com", "", "", "", "", t == 21 ? "tenant20.com" : $"tenant{t}.com",
        }).ToArray();
        var processor = services.GetRequiredService<ImportProcessor>();

        await processor.HandleBlobAsync(await DropAsync(services, accountId, Spreadsheets.Fill(new TemplateWriter().Create(TemplateLanguage.English), rows)), CancellationToken.None);
        foreach (var chunk in services.GetRequiredService<CapturingSender>().Sent.ToList())
            await processor.HandleChunkAsync(chunk.Body, CancellationToken.None);

        var job = await OnlyJobAsync(services, accountId);
        Assert.Equal((ImportStatus.CompletedWithErrors, 28, 2), (job.Status, job.CreatedCount, job.FailedCount));
        Assert.Equal(["Tenant 005", "Tenant 021"], job.AllRefused.Select(r => r.Name).Order());
        var tenants = await TenantsAsync(services, accountId);
        Assert.Equal(29, tenants.Count);
        Assert.Equal("Tenant 020", Assert.Single(tenants, t => t.Domains.Contains("tenant20.com")).Name);
    }

    [Fact]
    public async Task More_tenants_than_the_configured_limit_fail_the_job_with_a_clear_error()
    {
        await using var services = Services(maxTenants: 3);
        var accountId = await AccountAsync(services);

        await services.GetRequiredService<ImportProcessor>().HandleBlobAsync(await DropAsync(services, accountId, Template(4, 1)), CancellationToken.None);

        var job = await OnlyJobAsync(services, accountId);
        Assert.Equal((ImportStatus.Failed, "too-many-tenants"), (job.Status, job.Failure?.Code));
        Assert.Contains("at most 3", job.Failure!.Message);
        Assert.Empty(await TenantsAsync(services, accountId));
    }

    public static IEnumerable<object[]> BadFiles() =>
        Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Data", "bad"), "*.xlsx").Select(f => new object[] { Path.GetFileName(f) });

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task Every_bad_file_ends_as_a_job_that_says_what_is_wrong_and_creates_nothing(string fileName)
    {
        await using var services = Services();
        var accountId = await AccountAsync(services);
        var processor = services.GetRequiredService<ImportProcessor>();

        await processor.HandleBlobAsync(await DropAsync(services, accountId, await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "Data", "bad", fileName)), fileName), CancellationToken.None);
        foreach (var chunk in services.GetRequiredService<CapturingSender>().Sent)
            await processor.HandleChunkAsync(chunk.Body, CancellationToken.None);

        var job = await OnlyJobAsync(services, accountId);
        if (job.Status == ImportStatus.Failed)
            Assert.False(string.IsNullOrWhiteSpace(job.Failure?.Message));
        else
            Assert.Contains(job.AllErrors, e => e.Column is not null && e.Message.Length > 0);
        Assert.Empty(await TenantsAsync(services, accountId));
    }

    [Fact]
    public async Task A_blob_given_up_after_failed_attempts_ends_as_a_failed_job_with_the_reason()
    {
        using var services = Services();
        var accountId = await AccountAsync(services);
        var blob = await DropAsync(services, accountId, Template(2));

        await services.GetRequiredService<ImportProcessor>().GiveUpBlobAsync(blob, 5, "storage timed out", CancellationToken.None);

        var job = await OnlyJobAsync(services, accountId);
        Assert.Equal(ImportStatus.Failed, job.Status);
        Assert.Equal(ImportFailure.ProcessingFailed, job.Failure!.Code);
        Assert.Contains("after 5 attempts (last error: storage timed out)", job.Failure.Message);
        Assert.Empty(await TenantsAsync(services, accountId));
    }
}
