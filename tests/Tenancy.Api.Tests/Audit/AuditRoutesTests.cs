using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Tenancy.Api.Tests.Imports;
using Tenancy.Core.Accounts;
using Tenancy.Core.Audit;
using Tenancy.Core.Imports;
using Tenancy.TestSupport;

namespace Tenancy.Api.Tests.Audit;

/// <summary>R10: every write route records exactly its entry, reads record none, and the log pages and filters in storage.</summary>
[Collection(LocalHostCollection.Name)]
public class AuditRoutesTests(LocalHostFixture host)
{
    private static async Task<List<JsonObject>> AuditAsync(HttpClient client, string query = "")
    {
        var entries = new List<JsonObject>();
        string? token = null;
        do
        {
            var url = $"api/audit?pageSize=200{query}" + (token is null ? "" : $"&continuationToken={token}");
            var page = await (await client.GetAsync(url)).ReadObjectAsync();
            entries.AddRange(page["items"]!.AsArray().Select(e => e!.AsObject()));
            token = (string?)page["continuationToken"];
        } while (token is not null);
        return entries;
    }

    private static async Task<string> IdOf(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (string)(await response.ReadObjectAsync())["id"]!;
    }

    /// <summary>Runs a write and returns the one entry it added (failing when it added none or several).</summary>
    private static async Task<JsonObject> OneEntryAsync(HttpClient client, Func<Task> write)
    {
        var before = (await AuditAsync(client)).Count;
        await write();
        var after = await AuditAsync(client);
        Assert.True(after.Count == before + 1, $"expected one new entry, found {after.Count - before}");
        return after[0];
    }

    private static async Task NoEntryAsync(HttpClient client, Func<Task> action)
    {
        var before = (await AuditAsync(client)).Count;
        await action();
        Assert.Equal(before, (await AuditAsync(client)).Count);
    }

    private static void Is(JsonObject entry, string action, string targetType, string targetId, bool before, bool after)
    {
        Assert.Equal((action, targetType, targetId), ((string)entry["action"]!, (string)entry["targetType"]!, (string)entry["targetId"]!));
        Assert.Equal((before, after), (entry["before"] is not null, entry["after"] is not null));
    }

    [Fact]
    public async Task Every_write_route_records_exactly_its_entry_by_the_account_and_reads_record_none()
    {
        var client = await host.ClientForNewAccountAsync();
        var accountId = await host.AccountIdAsync(client);
        string spare = "", tenant = "", other = "", contact = "", owned = "", device = "";

        var e = await OneEntryAsync(client, async () => spare = await IdOf(await client.PostAsync("api/device-groups", Http.Json(new { name = "Spare" }))));
        Is(e, "deviceGroup.created", "deviceGroup", spare, before: false, after: true);
        Assert.Equal(("account", accountId), ((string)e["actor"]!["kind"]!, (string)e["actor"]!["id"]!));

        // The wizard: a tenant with contacts, domains and a group, one change, one entry.
        e = await OneEntryAsync(client, async () => tenant = await IdOf(await client.PostAsync("api/tenants", Http.Json(new
        {
            name = "Contoso", contacts = new[] { new { name = "Ann Lee", email = "ann@contoso.example" } }, domains = new[] { "contoso.example" },
            deviceGroupIds = new[] { spare },
        }))));
        Is(e, "tenant.created", "tenant", tenant, before: false, after: true);
        Assert.Equal(["contoso.example"], e["after"]!["domains"]!.AsArray().Select(d => (string)d!));
        Assert.Equal([spare], e["after"]!["deviceGroupIds"]!.AsArray().Select(d => (string)d!));

        e = await OneEntryAsync(client, async () => (await client.PatchAsync($"api/tenants/{tenant}", new { notes = "Key account" })).EnsureSuccessStatusCode());
        Is(e, "tenant.updated", "tenant", tenant, before: true, after: true);
        Assert.Null(e["before"]!["notes"]);
        Assert.Equal("Key account", (string)e["after"]!["notes"]!);

        e = await OneEntryAsync(client, async () => contact = await IdOf(await client.PostAsync($"api/tenants/{tenant}/contacts", Http.Json(new { name = "Bob Ray" }))));
        Is(e, "contact.added", "contact", contact, before: false, after: true);
        e = await OneEntryAsync(client, async () => (await client.PatchAsync($"api/tenants/{tenant}/contacts/{contact}", new { isPrimary = true })).EnsureSuccessStatusCode());
        Is(e, "contact.updated", "contact", contact, before: true, after: true);
        Assert.Equal((false, true), ((bool)e["before"]!["isPrimary"]!, (bool)e["after"]!["isPrimary"]!));
        e = await OneEntryAsync(client, async () => (await client.DeleteAsync($"api/tenants/{tenant}/contacts/{contact}")).EnsureSuccessStatusCode());
        Is(e, "contact.removed", "contact", contact, before: true, after: false);

        e = await OneEntryAsync(client, async () => (await client.PostAsync($"api/tenants/{tenant}/domains", Http.Json(new { domain = "eu.contoso.example" }))).EnsureSuccessStatusCode());
        Is(e, "domain.added", "tenant", tenant, before: true, after: true);
        Assert.Equal(["contoso.example", "eu.contoso.example"], e["after"]!["domains"]!.AsArray().Select(d => (string)d!));
        await NoEntryAsync(client, async () => (await client.PostAsync($"api/tenants/{tenant}/domains", Http.Json(new { domain = "eu.contoso.example" }))).EnsureSuccessStatusCode());
        e = await OneEntryAsync(client, async () => (await client.PutAsync($"api/tenants/{tenant}/domains", Http.Json(new { domains = new[] { "contoso.example", "contoso.test" } }))).EnsureSuccessStatusCode());
        Is(e, "domains.replaced", "tenant", tenant, before: true, after: true);
        e = await OneEntryAsync(client, async () => (await client.DeleteAsync($"api/tenants/{tenant}/domains/contoso.test")).EnsureSuccessStatusCode());
        Is(e, "domain.removed", "tenant", tenant, before: true, after: true);

        other = (string)(await client.CreateTenantAsync("Fabrikam"))["id"]!;
        e = await OneEntryAsync(client, async () => (await client.PostAsync($"api/tenants/{other}/device-groups/assign", Http.Json(new { groupIds = new[] { spare }, confirmReassign = true }))).EnsureSuccessStatusCode());
        Is(e, "deviceGroup.assigned", "tenant", other, before: true, after: true);
        Assert.Equal((tenant, other), ((string)e["before"]!["deviceGroups"]![0]!["tenantId"]!, (string)e["after"]!["deviceGroups"]![0]!["tenantId"]!));
        e = await OneEntryAsync(client, async () => (await client.PostAsync($"api/tenants/{other}/device-groups/unassign", Http.Json(new { groupIds = new[] { spare } }))).EnsureSuccessStatusCode());
        Is(e, "deviceGroup.unassigned", "tenant", other, before: true, after: true);
        await NoEntryAsync(client, async () => (await client.PostAsync($"api/tenants/{other}/device-groups/unassign", Http.Json(new { groupIds = new[] { spare } }))).EnsureSuccessStatusCode());

        owned = await IdOf(await client.PostAsync("api/device-groups", Http.Json(new { name = "Laptops", tenantId = tenant })));
        e = await OneEntryAsync(client, async () => device = await IdOf(await client.PostAsync("api/devices", Http.Json(new { name = "PC-1", groupId = owned }))));
        Is(e, "device.registered", "device", device, before: false, after: true);
        e = await OneEntryAsync(client, async () => (await client.PatchAsync($"api/devices/{device}", new { groupId = spare })).EnsureSuccessStatusCode());
        Is(e, "device.moved", "device", device, before: true, after: true);
        Assert.Equal((owned, spare), ((string)e["before"]!["groupId"]!, (string)e["after"]!["groupId"]!));

        e = await OneEntryAsync(client, async () => (await client.DeleteAsync($"api/device-groups/{spare}?withDevices=true")).EnsureSuccessStatusCode());
        Is(e, "deviceGroup.deleted", "deviceGroup", spare, before: true, after: true);
        Assert.Equal("deleted", (string)e["after"]!["devices"]!);
        e = await OneEntryAsync(client, async () => (await client.DeleteAsync($"api/tenants/{tenant}")).EnsureSuccessStatusCode());
        Is(e, "tenant.deleted", "tenant", tenant, before: true, after: false);
        Assert.Equal("Contoso", (string)e["before"]!["name"]!);
        await NoEntryAsync(client, async () => Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync($"api/tenants/{tenant}")).StatusCode));

        // An upload: the job's entry by the account, and its tenant's entry by the system acting for the import.
        var count = (await AuditAsync(client)).Count;
        var upload = await client.UploadAsync(Spreadsheets.Fill(await client.TemplateAsync(), ["Northwind", "Nancy Davolio", "TRUE", "", "nancy@northwind.example", "", "", "", "", ""]));
        var import = (string)(await upload.ReadObjectAsync())["id"]!;
        await client.WaitForJobAsync($"api/tenant-imports/{import}");
        Assert.Equal(count + 2, (await AuditAsync(client)).Count);
        var created = Assert.Single(await AuditAsync(client, $"&targetId={import}"));
        Is(created, "import.created", "import", import, before: false, after: true);
        Assert.Equal(accountId, (string)created["actor"]!["id"]!);
        var byImport = Assert.Single(await AuditAsync(client, $"&actorId={import}"));
        Is(byImport, "tenant.created", "tenant", (string)byImport["targetId"]!, before: false, after: true);

        await NoEntryAsync(client, async () =>
        {
            foreach (var url in new[]
                     {
                         "api/tenants", $"api/tenants/{other}", "api/device-groups", $"api/device-groups?tenantId={other}", "api/devices",
                         $"api/tenants/{other}/domains", "api/ticket-routing/match?from=a@contoso.example", "api/tenant-imports",
                         $"api/tenant-imports/{import}", "api/tenant-imports/template", $"api/tenant-imports/{import}/errors", "api/audit",
                     })
                Assert.True((await client.GetAsync(url)).StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict, url);
        });
    }

    [Fact]
    public async Task Tenants_created_by_an_import_are_recorded_once_each_by_the_system_for_the_import()
    {
        var client = await host.ClientForNewAccountAsync();
        var file = Spreadsheets.Fill(await client.TemplateAsync(),
            ["Northwind", "Nancy Davolio", "TRUE", "", "nancy@northwind.example", "", "", "", "", "northwind.example"],
            ["Tailspin", "Tom Ray", "TRUE", "", "tom@tailspin.example", "", "", "", "", ""]);

        var job = await client.ImportAsync(file);
        var importId = (string)job["id"]!;

        var entries = await AuditAsync(client, $"&actorId={importId}");
        Assert.Equal(2, entries.Count);
        Assert.All(entries, e =>
        {
            Assert.Equal(("tenant.created", "system"), ((string)e["action"]!, (string)e["actor"]!["kind"]!));
            Assert.Equal(importId, (string)e["after"]!["importId"]!);
        });
        var tenantIds = (await client.TenantsAsync()).Select(t => (string)t["id"]!).Order();
        Assert.Equal(tenantIds, entries.Select(e => (string)e["targetId"]!).Order());
    }

    [Fact]
    public async Task An_upload_s_job_entry_names_the_uploader_even_when_the_blob_stage_records_the_job_first()
    {
        var client = await host.ClientForNewAccountAsync();
        var accountId = await host.AccountIdAsync(client);
        var file = Spreadsheets.Fill(await client.TemplateAsync(), ["Northwind", "Nancy Davolio", "TRUE", "", "", "", "", "", "", ""]);
        var blobName = $"{accountId}/20261130-120000-0a1b2c3d-first.xlsx";
        // The upload's first half (the file, with who uploaded it); the blob stage, which has no caller, then records
        // the job before the upload's second half could.
        await host.Services.GetRequiredService<IImportFileStore>().UploadAsync(blobName, new MemoryStream(file), ImportMode.Create,
            new AuditActor(AuditActor.Account, accountId, "Test account"), CancellationToken.None);
        await host.Services.GetRequiredService<ImportProcessor>().HandleBlobAsync(blobName, CancellationToken.None);

        var created = Assert.Single(await AuditAsync(client), e => (string?)e["action"] == "import.created");
        Assert.Equal(("account", accountId), ((string?)created["actor"]!["kind"], (string?)created["actor"]!["id"]));
    }

    [Fact]
    public async Task No_entry_holds_the_key_or_its_hash_and_a_key_rotation_is_recorded_without_them()
    {
        var client = await host.ClientForNewAccountAsync();
        var key = client.DefaultRequestHeaders.Authorization!.Parameter!;
        await client.CreateTenantAsync("Contoso");

        var newKey = await host.Services.GetRequiredService<AccountService>().RotateKeyAsync(key, CancellationToken.None);
        var rotated = host.AnonymousClient();
        rotated.DefaultRequestHeaders.Authorization = new("Bearer", newKey);

        var accountId = await host.AccountIdAsync(rotated);
        var raw = await (await rotated.GetAsync("api/audit")).Content.ReadAsStringAsync();
        foreach (var secret in new[] { key, newKey, ApiKeys.Hash(key), ApiKeys.Hash(newKey) })
            Assert.DoesNotContain(secret, raw, StringComparison.OrdinalIgnoreCase);
        var entry = (await AuditAsync(rotated))[0];
        Is(entry, "account.keyRotated", "account", accountId, before: false, after: false);
    }

    [Fact]
    public async Task A_value_too_large_is_cut_with_a_marker_and_the_write_succeeds()
    {
        var client = await host.ClientForNewAccountAsync();
        var contacts = Enumerable.Range(0, 30).Select(i => new
        {
            name = $"{i:D2} " + new string('n', 120), role = new string('r', 100), email = $"c{i}@big.example", notes = new string('x', 500),
        }).ToArray();

        var response = await client.PostAsync("api/tenants", Http.Json(new { name = "Big", notes = new string('t', 500), contacts }));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var after = (await AuditAsync(client))[0]["after"]!;
        Assert.True((bool)after["truncated"]!);
        Assert.True((int)after["chars"]! > 16_000);
        Assert.StartsWith("{\"id\":", (string)after["preview"]!);
    }

    [Fact]
    public async Task Pages_follow_each_other_newest_first_without_gaps_or_repeats_and_filters_apply()
    {
        var client = await host.ClientForNewAccountAsync();
        var groups = new List<string>();
        for (var i = 0; i < 7; i++)
            groups.Add(await IdOf(await client.PostAsync("api/device-groups", Http.Json(new { name = $"G{i}" }))));

        var all = await AuditAsync(client);
        var paged = new List<JsonObject>();
        string? token = null;
        do
        {
            var page = await (await client.GetAsync("api/audit?pageSize=2" + (token is null ? "" : $"&continuationToken={token}"))).ReadObjectAsync();
            var items = page["items"]!.AsArray();
            token = (string?)page["continuationToken"];
            Assert.True(items.Count == 2 || token is null, "only the last page may be short");
            paged.AddRange(items.Select(e => e!.AsObject()));
        } while (token is not null);

        Assert.Equal(Enumerable.Reverse(groups), all.Select(e => (string)e["targetId"]!));
        Assert.Equal(all.Select(e => (string)e["id"]!), paged.Select(e => (string)e["id"]!));
        var times = all.Select(e => (DateTimeOffset)e["at"]!).ToList();
        Assert.Equal(times.OrderDescending(), times);

        Assert.Equal([groups[3]], (await AuditAsync(client, $"&targetId={groups[3]}")).Select(e => (string)e["targetId"]!));
        Assert.Equal(7, (await AuditAsync(client, $"&actorId={await host.AccountIdAsync(client)}")).Count);
        Assert.Empty(await AuditAsync(client, "&actorId=acc_someone_else"));
        var from = Uri.EscapeDataString(times[4].ToString("O"));
        var to = Uri.EscapeDataString(times[1].ToString("O"));
        var window = await AuditAsync(client, $"&from={from}&to={to}");
        Assert.Equal(all.Where(e => (DateTimeOffset)e["at"]! >= times[4] && (DateTimeOffset)e["at"]! < times[1]).Select(e => (string)e["id"]!),
            window.Select(e => (string)e["id"]!));
    }

    [Theory]
    [InlineData("from=yesterday", "from")]
    [InlineData("to=2026-03-02T09:15:04", "to")]
    [InlineData("from=2026-03-02T00:00:00Z&to=2026-03-01T00:00:00Z", "to")]
    [InlineData("targetId=not%20an%20id", "targetId")]
    [InlineData("actorId=a'b", "actorId")]
    [InlineData("continuationToken=bm90LWlzc3VlZA", "continuationToken")]
    [InlineData("pageSize=0", "pageSize")]
    public async Task A_bad_filter_is_a_400_naming_it(string query, string field)
    {
        var client = await host.ClientForNewAccountAsync();

        var problem = await (await client.GetAsync($"api/audit?{query}")).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.NotNull(problem["errors"]![field]);
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("PUT")]
    [InlineData("PATCH")]
    [InlineData("DELETE")]
    public async Task No_route_edits_or_deletes_an_entry(string method)
    {
        var client = await host.ClientForNewAccountAsync();
        await client.CreateTenantAsync("Contoso");
        var entry = (string)(await AuditAsync(client))[0]["id"]!;

        foreach (var url in new[] { "api/audit", $"api/audit/{entry}" })
            Assert.True((await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url) { Content = Http.Json(new { }) })).StatusCode
                is HttpStatusCode.MethodNotAllowed or HttpStatusCode.NotFound);
        Assert.Single(await AuditAsync(client));
    }
}
