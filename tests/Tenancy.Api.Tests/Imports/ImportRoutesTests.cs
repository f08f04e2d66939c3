using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Tenancy.Core.Accounts;
using Tenancy.Storage.Imports;
using Tenancy.TestSupport;

namespace Tenancy.Api.Tests.Imports;

[Collection(LocalHostCollection.Name)]
public class ImportRoutesTests(LocalHostFixture host)
{
    private static readonly string[][] Rows =
    [
        ["Contoso Ltd", "Jane Doe", "TRUE", "IT manager", "jane.doe@contoso.com", "+44", "020 7946 0000", "Prefers email", "Gold support", "contoso.com, contoso.co.uk"],
        ["Fabrikam SAS", "Amélie Durand", "FALSE", "Directrice", "amelie@fabrikam.fr", "+33", "01 23 45 67 89", "", "", "fabrikam.fr"],
        ["Contoso Ltd", "John Smith", "FALSE", "Accountant", "john.smith@contoso.com", "+44", "020 7946 0001", "", "", ""],
        ["Fabrikam SAS", "Luc Bernard", "TRUE", "Technicien", "luc@fabrikam.fr", "+33", "06 12 34 56 78", "", "Client depuis 2019", "fabrikam.be"],
        ["contoso  LTD", "Joe Bloggs", "", "Helpdesk", "", "", "", "", "", "contoso.fr"],
    ];

    [Theory]
    [InlineData("en", "Tenant name")]
    [InlineData("fr", "Nom du locataire")]
    public async Task The_template_downloads_as_an_xlsx_attachment_in_the_asked_language(string lang, string firstHeader)
    {
        var client = await host.ClientForNewAccountAsync();

        var response = await client.GetAsync($"api/tenant-imports/template?lang={lang}");

        Assert.Equal(ImportApi.Xlsx, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(firstHeader, Spreadsheets.Read(await response.Content.ReadAsByteArrayAsync())[0][0]);
    }

    [Fact]
    public async Task An_untouched_template_fails_as_a_job_saying_there_is_nothing_to_import()
    {
        var client = await host.ClientForNewAccountAsync();

        var job = await client.ImportAsync(await client.TemplateAsync());

        Assert.Equal("failed", (string?)job["status"]);
        Assert.Equal("no-rows", (string?)job["failure"]!["code"]);
        Assert.NotEmpty(job["warnings"]!.AsArray());
        Assert.Empty(await client.TenantsAsync());
    }

    [Fact]
    public async Task A_filled_template_creates_exactly_its_tenants_contacts_primaries_and_domains()
    {
        var client = await host.ClientForNewAccountAsync();

        var job = await client.ImportAsync(Spreadsheets.Fill(await client.TemplateAsync(), Rows));

        Assert.Equal("completed", (string?)job["status"]);
        Assert.Equal((5, 2, 2, 0), ((int)job["rowCount"]!, (int)job["tenantCount"]!, (int)job["createdCount"]!, (int)job["failedCount"]!));
        var tenants = (await client.TenantsAsync()).ToDictionary(t => (string)t["name"]!);
        var contoso = tenants["Contoso Ltd"];
        Assert.Equal(["Jane Doe", "John Smith", "Joe Bloggs"], contoso["contacts"]!.AsArray().Select(c => (string)c!["name"]!));
        Assert.Equal("Jane Doe", (string?)contoso["contacts"]!.AsArray().Single(c => (bool)c!["isPrimary"]!)!["name"]);
        Assert.Equal(["contoso.com", "contoso.co.uk", "contoso.fr"], contoso["domains"]!.AsArray().Select(d => (string)d!));
        Assert.Equal(("import", (string?)job["id"]), ((string?)contoso["origin"]!["kind"], (string?)contoso["origin"]!["importId"]));
        Assert.Equal("+44", (string?)contoso["contacts"]![0]!["countryCode"]);
        Assert.Empty(contoso["deviceGroups"]!.AsArray());
        var fabrikam = tenants["Fabrikam SAS"];
        Assert.Equal("Luc Bernard", (string?)fabrikam["contacts"]!.AsArray().Single(c => (bool)c!["isPrimary"]!)!["name"]);
        Assert.Equal("Client depuis 2019", (string?)fabrikam["notes"]);
    }

    [Fact]
    public async Task A_multipart_upload_is_the_same_job()
    {
        var client = await host.ClientForNewAccountAsync();
        var file = new ByteArrayContent(Spreadsheets.Fill(await client.TemplateAsync(), Rows[1]));
        file.Headers.ContentType = new MediaTypeHeaderValue(ImportApi.Xlsx);
        var form = new MultipartFormDataContent { { file, "file", "my tenants.xlsx" } };

        var response = await client.PostAsync("api/tenant-imports", form);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var job = await client.WaitForJobAsync(response.Headers.Location!.ToString().TrimStart('/'));
        Assert.Equal(("completed", "my tenants.xlsx", 1), ((string?)job["status"], (string?)job["fileName"], (int)job["createdCount"]!));
    }

    [Fact]
    public async Task A_blob_dropped_under_the_account_folder_starts_a_job_too()
    {
        var client = await host.ClientForNewAccountAsync();
        var accountId = await host.AccountIdAsync(client);
        var container = host.Services.GetRequiredService<BlobImportFileStore>().Container;

        await container.GetBlobClient($"{accountId}/dropped.xlsx").UploadAsync(new BinaryData(Spreadsheets.Fill(await client.TemplateAsync(), Rows[1])));

        JsonObject? job = null;
        for (var i = 0; i < 100 && job is null; i++)
        {
            var list = await (await client.GetAsync("api/tenant-imports")).ReadObjectAsync();
            job = list["items"]!.AsArray().Select(j => j!.AsObject()).FirstOrDefault();
            if (job is null) await Task.Delay(100);
        }
        Assert.NotNull(job);
        job = await client.WaitForJobAsync($"api/tenant-imports/{job["id"]}");
        Assert.Equal(("completed", "dropped.xlsx"), ((string?)job["status"], (string?)job["fileName"]));
        Assert.Single(await client.TenantsAsync());
    }

    [Fact]
    public async Task Validate_only_answers_the_report_at_once_and_creates_nothing()
    {
        var client = await host.ClientForNewAccountAsync();
        await client.CreateTenantAsync("Fabrikam SAS");
        var rows = Rows.Append(["Broken Co", "", "TRUE", "", "not-an-email", "", "", "", "", ""]).ToArray();

        var response = await client.UploadAsync(Spreadsheets.Fill(await client.TemplateAsync(), rows), validateOnly: true);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.ReadObjectAsync();
        Assert.Equal("validated", (string?)report["status"]);
        var errors = report["errors"]!.AsArray();
        Assert.Contains(errors, e => (int)e!["row"]! == 7 && (string?)e["column"] == "Contact email");
        Assert.Contains(errors, e => ((string?)e!["message"])!.Contains("already exists"));
        Assert.Equal(2, (int)report["failedCount"]!);
        Assert.Single(await client.TenantsAsync());
        Assert.Empty((await (await client.GetAsync("api/tenant-imports")).ReadObjectAsync())["items"]!.AsArray());
    }

    [Fact]
    public async Task A_partly_failed_import_reports_its_rows_and_the_corrected_report_imports_the_rest()
    {
        var client = await host.ClientForNewAccountAsync();
        await client.CreateTenantAsync("Existing Co");
        var rows = new[]
        {
            new[] { "Good Co", "Ann", "TRUE", "", "ann@good.com", "", "", "", "", "" },
            new[] { "Bad Co", "Bob", "TRUE", "", "bob-at-bad.com", "+33", "", "", "", "" },
            new[] { "Bad Co", "Cid", "FALSE", "", "", "", "", "", "", "" },
            new[] { "existing co", "Dan", "TRUE", "", "", "", "", "", "", "" },
        };

        var job = await client.ImportAsync(Spreadsheets.Fill(await client.TemplateAsync(), rows));

        Assert.Equal(("completedWithErrors", 1, 2), ((string?)job["status"], (int)job["createdCount"]!, (int)job["failedCount"]!));
        var report = await client.GetAsync($"api/tenant-imports/{job["id"]}/errors");
        Assert.Equal(ImportApi.Xlsx, report.Content.Headers.ContentType?.MediaType);
        var reportBytes = await report.Content.ReadAsByteArrayAsync();
        var reportRows = Spreadsheets.Read(reportBytes);
        Assert.Contains("Error", reportRows[0]);
        Assert.Equal(["Bad Co", "Bad Co", "existing co"], reportRows.Skip(1).Select(r => r[0]));

        // The user fixes the email, renames the clashing tenant, and uploads the report as it is.
        var fixedReport = Spreadsheets.Edit(Spreadsheets.Edit(reportBytes, 2, "Contact email", "bob@bad.com"), 4, "Tenant name", "Existing Co 2");
        var second = await client.ImportAsync(fixedReport);

        Assert.Equal(("completed", 2), ((string?)second["status"], (int)second["createdCount"]!));
        Assert.Equal(["Bad Co", "Existing Co", "Existing Co 2", "Good Co"], (await client.TenantsAsync()).Select(t => (string)t["name"]!).Order());
    }

    [Fact]
    public async Task French_templates_import_too()
    {
        var client = await host.ClientForNewAccountAsync();
        var rows = new[] { new[] { "Société Générale Test", "Amélie", "VRAI", "", "amelie@sgtest.fr", "+33", "", "", "", "sgtest.fr" } };

        var job = await client.ImportAsync(Spreadsheets.Fill(await client.TemplateAsync("fr"), rows));

        Assert.Equal("completed", (string?)job["status"]);
        Assert.Equal("Société Générale Test", (string?)(await client.TenantsAsync()).Single()["name"]);
    }

    [Fact]
    public async Task Jobs_are_listed_newest_first()
    {
        var client = await host.ClientForNewAccountAsync();
        var first = await client.ImportAsync(Spreadsheets.Fill(await client.TemplateAsync(), Rows[1]));
        var second = await client.ImportAsync(Spreadsheets.Fill(await client.TemplateAsync(), Rows[0]));

        var list = await (await client.GetAsync("api/tenant-imports")).ReadObjectAsync();

        Assert.Equal([(string)second["id"]!, (string)first["id"]!], list["items"]!.AsArray().Select(j => (string)j!["id"]!));
    }

    [Fact]
    public async Task Import_routes_need_the_MSP_plan()
    {
        var client = await host.ClientForNewAccountAsync(Plan.Standard);

        await (await client.GetAsync("api/tenant-imports/template")).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await client.UploadAsync([1, 2, 3])).AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Wrong_content_types_sizes_and_ids_get_clear_problems()
    {
        var client = await host.ClientForNewAccountAsync();

        await (await client.PostAsync("api/tenant-imports", new StringContent("a,b,c", System.Text.Encoding.UTF8, "text/csv"))).AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
        await (await client.UploadAsync(new byte[11 * 1024 * 1024])).AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        await (await client.UploadAsync([])).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await client.GetAsync("api/tenant-imports/imp_missing")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await client.GetAsync("api/tenant-imports/imp_missing/errors")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await client.GetAsync("api/tenant-imports/template?lang=de")).AssertProblemAsync(HttpStatusCode.BadRequest);
    }
}
