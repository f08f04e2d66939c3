using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Tenancy.Core.Accounts;
using Tenancy.Core.Common;
using Tenancy.Core.Imports;
using Tenancy.Excel;
using Tenancy.Hosting;
using Tenancy.Storage.Imports;
using Tenancy.TestSupport;

namespace Tenancy.Storage.Tests.Imports;

/// <summary>A blob dropped straight into storage may have a name of 1,024 characters; its job echoes a bounded part of it.</summary>
[Collection(AzuriteCollection.Name)]
public class DroppedBlobNameTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_dropped_blob_with_a_very_long_name_gets_a_job_with_the_end_of_its_name()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["TENANCY_STORAGE:ConnectionString"] = azurite.ConnectionString,
        }).Build();
        var services = new ServiceCollection().AddTenancy(config);
        services.AddSingleton<IMessageSender, CapturingSender>();
        await using var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<BlobImportFileStore>().Container.CreateIfNotExistsAsync();
        var accountId = (await provider.GetRequiredService<AccountService>().CreateAsync("Dropper", Plan.Msp, CancellationToken.None)).Account.Id;
        var blobName = $"{accountId}/{new string('n', 900)}-tenants.xlsx";
        await provider.GetRequiredService<IImportFileStore>().UploadAsync(blobName,
            new MemoryStream(new TemplateWriter().Create(TemplateLanguage.English)), CancellationToken.None);

        await provider.GetRequiredService<ImportProcessor>().HandleBlobAsync(blobName, CancellationToken.None);

        var job = Assert.Single((await provider.GetRequiredService<IImportJobStore>().ListAsync(accountId, DateTimeOffset.MinValue,
            new PageRequest(10, null), CancellationToken.None)).Items);
        Assert.Equal(ImportService.MaxFileNameLength, job.FileName.Length);
        Assert.EndsWith("-tenants.xlsx", job.FileName);
    }
}
