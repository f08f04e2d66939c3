using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using ClosedXML.Excel;
using Tenancy.TestSupport;

namespace Tenancy.Api.Tests.Imports;

/// <summary>
/// R12's round trip on 1000 generated tenants: an export re-imported with mode=upsert changes nothing, and the same
/// file with 10 tenants' notes edited (with ClosedXML, as a person would in Excel) updates exactly those 10.
/// </summary>
[Collection(LocalHostCollection.Name)]
public class ExportUpsertRoundTripTests(LocalHostFixture host)
{
    private const int Tenants = 1000;

    [Fact]
    public async Task Export_then_upsert_is_all_unchanged_and_ten_edited_rows_are_exactly_ten_updates()
    {
        var client = await host.ClientForNewAccountAsync();
        var rows = Enumerable.Range(0, Tenants).Select(t => new[]
        {
            $"Round trip {t:D4}", $"Contact {t}", "TRUE", "IT", $"it{t}@trip{t}.example", "+33", "01 23 45 67 89", "", $"Notes {t}", $"trip{t}.example",
        }).ToArray();
        var created = await client.ImportAsync(Spreadsheets.Fill(await client.TemplateAsync(), rows));
        Assert.Equal(Tenants, (int)created["createdCount"]!);

        var export = await (await client.GetAsync("api/tenants/export")).Content.ReadAsByteArrayAsync();
        var again = await UpsertAsync(client, export);
        Assert.Equal((0, 0, Tenants, 0), Counts(again));

        var edited = EditNotes(export, count: 10);
        var changed = await UpsertAsync(client, edited);
        Assert.Equal((0, 10, Tenants - 10, 0), Counts(changed));
        var tenants = await (await client.GetAsync("api/tenants?search=Round%20trip%200000")).ReadObjectAsync();
        var first = await (await client.GetAsync($"api/tenants/{tenants["items"]![0]!["id"]}")).ReadObjectAsync();
        Assert.Equal("Edited in Excel", (string?)first["notes"]);
    }

    private static (int Created, int Updated, int Unchanged, int Failed) Counts(JsonObject job) =>
        ((int)job["createdCount"]!, (int)job["updatedCount"]!, (int)job["unchangedCount"]!, (int)job["failedCount"]!);

    private static async Task<JsonObject> UpsertAsync(HttpClient client, byte[] file)
    {
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue(ImportApi.Xlsx);
        var response = await client.PostAsync("api/tenant-imports?mode=upsert", content);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var job = await client.WaitForJobAsync(response.Headers.Location!.ToString().TrimStart('/'), TimeSpan.FromMinutes(5));
        Assert.Equal("completed", (string?)job["status"]);
        return job;
    }

    /// <summary>Changes the tenant notes of the first <paramref name="count"/> tenants (by name) of an exported workbook.</summary>
    private static byte[] EditNotes(byte[] export, int count)
    {
        using var workbook = new XLWorkbook(new MemoryStream(export));
        var sheet = workbook.Worksheets.First();
        var header = sheet.Row(1).CellsUsed().ToDictionary(c => c.GetString(), c => c.Address.ColumnNumber);
        var targets = Enumerable.Range(0, count).Select(t => $"Round trip {t:D4}").ToHashSet();
        foreach (var row in sheet.RowsUsed().Skip(1))
            if (targets.Contains(row.Cell(header["Tenant name"]).GetString()))
                row.Cell(header["Tenant notes"]).Value = "Edited in Excel";
        using var output = new MemoryStream();
        workbook.SaveAs(output);
        return output.ToArray();
    }
}
