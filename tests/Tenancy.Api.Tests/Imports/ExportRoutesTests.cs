using System.Net;
using System.Text.Json.Nodes;
using Tenancy.TestSupport;

namespace Tenancy.Api.Tests.Imports;

[Collection(LocalHostCollection.Name)]
public class ExportRoutesTests(LocalHostFixture host)
{
    [Theory]
    [InlineData("en")]
    [InlineData("fr")]
    public async Task Importing_an_export_into_an_empty_account_recreates_the_same_tenants_contacts_and_domains(string lang)
    {
        var source = await host.ClientForNewAccountAsync();
        await CreateAsync(source, new
        {
            name = "Contoso Ltd", notes = "Gold support\nsince 2019",
            contacts = new object[]
            {
                new { name = "John Smith", role = "Accountant", email = "john.smith@contoso.com", countryCode = "+44", phone = "020 7946 0001" },
                new { name = "Jane Doe", role = "IT manager", email = "jane.doe@contoso.com", countryCode = "+44", phone = "020 7946 0000", notes = "Prefers email", isPrimary = true },
                new { name = "Joe Bloggs", role = "Helpdesk" },
            },
            domains = new[] { "contoso.com", "eu.contoso.com", "contoso.co.uk" },
        });
        await CreateAsync(source, new
        {
            name = "Société Générale d'Études", contacts = new object[] { new { name = "Amélie Durand", phone = "0123456789", countryCode = "+33", notes = "=SUM(A1)" } },
            domains = new[] { "xn--cole-9oa.example" },
        });
        await CreateAsync(source, new { name = "Lone Contact Inc", contacts = new object[] { new { name = "Solo" } } });

        var export = await source.GetAsync($"api/tenants/export?lang={lang}");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        var file = await export.Content.ReadAsByteArrayAsync();
        var target = await host.ClientForNewAccountAsync();
        var job = await target.ImportAsync(file);

        Assert.Equal("completed", (string?)job["status"]);
        Assert.Equal((5, 3, 3), ((int)job["rowCount"]!, (int)job["tenantCount"]!, (int)job["createdCount"]!));
        Assert.Equal(Describe(await source.TenantsAsync()), Describe(await target.TenantsAsync()));
    }

    [Theory]
    [InlineData("en", "tenants", "Tenant name", "TRUE")]
    [InlineData("fr", "locataires", "Nom du locataire", "VRAI")]
    public async Task The_export_is_a_dated_xlsx_attachment_one_row_per_contact_the_primary_first_with_the_domains(
        string lang, string filePrefix, string firstHeader, string yes)
    {
        var client = await host.ClientForNewAccountAsync();
        await CreateAsync(client, new
        {
            name = "Fabrikam", notes = "Key account",
            contacts = new object[] { new { name = "First Created" }, new { name = "Second Primary", isPrimary = true } },
            domains = new[] { "fabrikam.example", "fabrikam.test" },
        });

        var response = await client.GetAsync($"api/tenants/export?lang={lang}");

        Assert.Equal(ImportApi.Xlsx, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Matches($@"^{filePrefix}-\d{{4}}-\d\d-\d\d\.xlsx$", response.Content.Headers.ContentDisposition?.FileNameStar);
        var rows = Spreadsheets.Read(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(firstHeader, rows[0][0]);
        Assert.Equal(3, rows.Count);
        Assert.Equal(["Fabrikam", "Second Primary", yes], rows[1][..3]);
        Assert.Equal("Key account", rows[1][8]);
        Assert.Equal("fabrikam.example, fabrikam.test", rows[1][9]);
        Assert.Equal(["Fabrikam", "First Created"], rows[2][..2]);
        Assert.Equal("", rows[2][8] + rows[2][9]);
    }

    [Fact]
    public async Task An_account_without_tenants_exports_the_header_row_alone()
    {
        var client = await host.ClientForNewAccountAsync();

        var response = await client.GetAsync("api/tenants/export");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(Spreadsheets.Read(await response.Content.ReadAsByteArrayAsync()));
    }

    [Fact]
    public async Task An_unknown_language_is_a_problem_and_the_export_needs_a_key()
    {
        var client = await host.ClientForNewAccountAsync();

        var problem = await (await client.GetAsync("api/tenants/export?lang=de")).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("lang", problem.ToJsonString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.AnonymousClient().GetAsync("api/tenants/export")).StatusCode);
    }

    private static async Task CreateAsync(HttpClient client, object tenant) =>
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsync("api/tenants", Http.Json(tenant))).StatusCode);

    /// <summary>What a user compares: each tenant's name, notes and domains, and its contacts with every field.</summary>
    private static List<string> Describe(List<JsonObject> tenants) =>
        tenants.Select(t => string.Join(" | ",
                (string?)t["name"], (string?)t["notes"],
                string.Join(",", t["domains"]!.AsArray().Select(d => (string?)d).Order()),
                string.Join(" ; ", t["contacts"]!.AsArray().Select(c => string.Join("/",
                    (string?)c!["name"], (string?)c["role"], (string?)c["email"], (string?)c["countryCode"], (string?)c["phone"],
                    (string?)c["notes"], (bool?)c["isPrimary"])).Order())))
            .Order().ToList();
}
