using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Tenancy.Storage.Imports;
using Tenancy.TestSupport;

namespace Tenancy.Api.Tests.Imports;

/// <summary>The error report of a finished import is made once and stored, not made by parsing the file on every download.</summary>
[Collection(LocalHostCollection.Name)]
public class StoredErrorReportTests(LocalHostFixture host)
{
    [Fact]
    public async Task The_report_is_served_again_without_reading_the_uploaded_file()
    {
        var client = await host.ClientForNewAccountAsync();
        var rows = new[]
        {
            new[] { "Good Co", "Ann", "TRUE", "", "ann@good.com", "", "", "", "", "" },
            new[] { "Bad Co", "Bob", "TRUE", "", "bob-at-bad.com", "", "", "", "", "" },
        };
        var job = await client.ImportAsync(Spreadsheets.Fill(await client.TemplateAsync(), rows));
        var first = Spreadsheets.Read(await (await client.GetAsync($"api/tenant-imports/{job["id"]}/errors")).Content.ReadAsByteArrayAsync());

        var container = host.Services.GetRequiredService<BlobImportFileStore>().Container;
        await foreach (var blob in container.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, await host.AccountIdAsync(client) + "/", CancellationToken.None))
            await container.DeleteBlobAsync(blob.Name);
        var again = await client.GetAsync($"api/tenant-imports/{job["id"]}/errors");

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(first, Spreadsheets.Read(await again.Content.ReadAsByteArrayAsync()));
        Assert.Equal("Bad Co", first[1][0]);
    }
}
