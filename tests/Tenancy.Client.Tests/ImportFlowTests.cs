using Tenancy.TestSupport;

namespace Tenancy.Client.Tests;

/// <summary>What the console does with spreadsheets, through the client generated from the served document.</summary>
[Collection(LocalHostCollection.Name)]
public sealed class ImportFlowTests(LocalHostFixture host)
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    [Fact]
    public async Task The_french_template_filled_in_is_validated_with_its_row_errors_then_imported_as_a_job()
    {
        var client = await GeneratedClients.ForNewAccountAsync(host);

        using var download = await client.GetImportTemplateAsync(lang: Lang.Fr);
        Assert.Equal(200, download.StatusCode);
        using var body = new MemoryStream();
        await download.Stream.CopyToAsync(body);
        var template = body.ToArray();
        Assert.Equal("Nom du locataire", Spreadsheets.Read(template)[0][0]);

        var withError = Spreadsheets.Fill(template,
            ["Alpha SARL", "Ann", "VRAI", "", "ann@alpha.example", "", "", "", "", ""],
            ["Beta SAS", "Bob", "VRAI", "", "pas-une-adresse", "", "", "", "", ""]);
        // Errors name the column in the reader's language: a French reader finds it under its French header.
        var report = (await client.UploadImportAsync(accept_Language: "fr", validateOnly: true, file: new FileParameter(new MemoryStream(withError), "clients.xlsx", Xlsx))).Result;

        Assert.Equal(ImportStatus.Validated, report.Status);
        Assert.Null(report.Id);
        var error = Assert.Single(report.Errors);
        Assert.Equal(3, error.Row);
        Assert.False(string.IsNullOrEmpty(error.Column));
        Assert.Empty((await client.ListTenantsAsync()).Result.Items);
        Assert.Empty((await client.ListImportsAsync()).Result.Items);

        var corrected = Spreadsheets.Edit(withError, 3, error.Column!, "bob@beta.example");
        var started = await client.UploadImportAsync(file: new FileParameter(new MemoryStream(corrected), "clients.xlsx", Xlsx));
        Assert.Equal(202, started.StatusCode);
        var job = await FinishedAsync(client, started.Result.Id!);

        Assert.Equal(ImportStatus.Completed, job.Status);
        Assert.Equal("clients.xlsx", job.FileName);
        Assert.Equal(2, job.CreatedCount);
        Assert.Equal(["Alpha SARL", "Beta SAS"], (await client.ListTenantsAsync()).Result.Items.Select(t => t.Name).Order());
    }

    /// <summary>Reads the job until it has finished; the bound only stops a test that would otherwise hang.</summary>
    private static async Task<ImportJobResponse> FinishedAsync(TenancyClient client, string importId)
    {
        for (var i = 0; i < 600; i++)
        {
            var job = (await client.GetImportAsync(importId)).Result;
            if (job.Status is ImportStatus.Completed or ImportStatus.CompletedWithErrors or ImportStatus.Failed) return job;
            await Task.Delay(100);
        }
        throw new TimeoutException($"import {importId} did not finish");
    }
}
