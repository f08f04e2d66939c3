using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Tenancy.Api.Tests.Access;
using Tenancy.TestSupport;

namespace Tenancy.Api.Tests.Imports;

/// <summary>R12 over HTTP: upsert upload, the paged error list and undo, on the local host (each answer checked against the document).</summary>
[Collection(LocalHostCollection.Name)]
public class ImportUndoRoutesTests(LocalHostFixture host)
{
    private static async Task<JsonObject> WaitForAsync(HttpClient client, string url, string status)
    {
        for (var i = 0; i < 600; i++)
        {
            var job = await (await client.GetAsync(url)).ReadObjectAsync();
            if ((string?)job["status"] == status) return job;
            await Task.Delay(100);
        }
        throw new TimeoutException($"{url} never became {status}");
    }

    [Fact]
    public async Task An_upsert_upload_then_undo_leaves_the_account_as_it_was()
    {
        var client = await host.ClientForNewAccountAsync();
        var created = await client.PostAsync("api/tenants", JsonContent("""{"name":"Contoso","notes":"Old","contacts":[{"name":"Ann","email":"ann@contoso.com"}],"domains":["contoso.com"]}"""));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var file = Spreadsheets.Fill(await client.TemplateAsync(),
            ["Contoso", "Ann", "TRUE", "", "ann@contoso.com", "", "", "", "New", ""],
            ["Northwind", "Nancy", "TRUE", "", "nancy@northwind.com", "", "", "", "", ""]);
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue(ImportApi.Xlsx);

        var upload = await client.PostAsync("api/tenant-imports?mode=upsert", content);
        var url = upload.Headers.Location!.ToString().TrimStart('/');
        var job = await client.WaitForJobAsync(url);
        Assert.Equal(("upsert", 1, 1, 100), ((string?)job["mode"], (int)job["createdCount"]!, (int)job["updatedCount"]!, (int)job["progress"]!));

        var undo = await client.PostAsync(url + "/undo", null);
        Assert.Equal(HttpStatusCode.Accepted, undo.StatusCode);
        var undone = await WaitForAsync(client, url, "undone");

        Assert.NotNull((string?)undone["undoneAt"]);
        Assert.Equal((1, 1, 0), ((int)undone["undo"]!["removedCount"]!, (int)undone["undo"]!["restoredCount"]!, (int)undone["undo"]!["keptCount"]!));
        var tenant = Assert.Single(await client.TenantsAsync());
        Assert.Equal("Old", (string?)tenant["notes"]);
        Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsync(url + "/undo", null)).StatusCode);
    }

    [Fact]
    public async Task Every_error_is_listed_page_by_page_while_the_job_carries_the_first_hundred()
    {
        var client = await host.ClientForNewAccountAsync();
        var rows = Enumerable.Range(0, 150).Select(i => new[] { $"Tenant {i}", "Contact", "TRUE", "", $"bad-{i}", "", "", "", "", "" }).ToArray();

        var job = await client.ImportAsync(Spreadsheets.Fill(await client.TemplateAsync(), rows));
        var errors = new List<JsonNode>();
        string? token = null;
        do
        {
            var page = await (await client.GetAsync($"api/tenant-imports/{job["id"]}/errors/items?pageSize=40" + (token is null ? "" : $"&continuationToken={token}"))).ReadObjectAsync();
            errors.AddRange(page["items"]!.AsArray()!);
            token = (string?)page["continuationToken"];
        } while (token is not null);

        Assert.Equal((150, 100), ((int)job["errorCount"]!, job["errors"]!.AsArray().Count));
        Assert.Equal(Enumerable.Range(2, 150), errors.Select(e => (int)e["row"]!));
    }

    [Fact]
    public async Task Undoing_an_import_removes_the_grants_on_the_tenants_it_removes()
    {
        var owner = await host.ClientForNewAccountAsync();
        var job = await owner.ImportAsync(Spreadsheets.Fill(await owner.TemplateAsync(),
            ["Northwind", "Nancy", "TRUE", "", "nancy@northwind.com", "", "", "", "", ""]));
        var tenant = (string)Assert.Single(await owner.TenantsAsync())["id"]!;
        var agent = await owner.CreateAgentAsync("technician");
        await owner.GrantAsync(new { agentId = agent.Id, scope = "tenant", tenantId = tenant });
        var technician = host.ClientFor(agent.Key);
        Assert.Equal([tenant], await technician.IdsAsync("api/tenants"));

        Assert.Equal(HttpStatusCode.Accepted, (await owner.PostAsync($"api/tenant-imports/{job["id"]}/undo", null)).StatusCode);
        await WaitForAsync(owner, $"api/tenant-imports/{job["id"]}", "undone");

        Assert.Empty(await owner.IdsAsync($"api/access-grants?agentId={agent.Id}"));
        Assert.Empty((await owner.GetObjectAsync($"api/agents/{agent.Id}/access"))["tenants"]!.AsArray());
        Assert.Empty(await technician.IdsAsync("api/tenants"));
    }

    private static StringContent JsonContent(string json) => new(json, System.Text.Encoding.UTF8, "application/json");
}
