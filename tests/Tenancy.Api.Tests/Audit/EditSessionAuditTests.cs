using System.Text.Json.Nodes;
using Tenancy.TestSupport;

namespace Tenancy.Api.Tests.Audit;

/// <summary>R10: the saves of one edit session (the console's autosave) are one audit entry, whatever the retries and races.</summary>
[Collection(LocalHostCollection.Name)]
public class EditSessionAuditTests(LocalHostFixture host)
{
    private static async Task<string> TenantAsync(HttpClient client)
    {
        var response = await client.PostAsync("api/tenants", Http.Json(new { name = "Contoso", notes = "Start", contacts = new[] { new { name = "Ann Lee" } } }));
        response.EnsureSuccessStatusCode();
        return (string)(await response.ReadObjectAsync())["id"]!;
    }

    private static async Task SaveAsync(HttpClient client, string tenant, string notes, string? session)
    {
        using var request = new HttpRequestMessage(HttpMethod.Patch, $"api/tenants/{tenant}") { Content = Http.Json(new { notes }) };
        if (session is not null) request.Headers.Add("Edit-Session", session);
        (await client.SendAsync(request)).EnsureSuccessStatusCode();
    }

    private static async Task<List<JsonObject>> UpdatesAsync(HttpClient client, string tenant)
    {
        var page = await (await client.GetAsync($"api/audit?pageSize=200&targetId={tenant}")).ReadObjectAsync();
        return page["items"]!.AsArray().Select(e => e!.AsObject()).Where(e => (string)e["action"]! == "tenant.updated").ToList();
    }

    private static (string? Before, string? After) Notes(JsonObject entry) => ((string?)entry["before"]!["notes"], (string?)entry["after"]!["notes"]);

    [Fact]
    public async Task The_saves_of_one_session_are_one_entry_from_the_first_before_to_the_last_after_and_a_repeated_save_adds_nothing()
    {
        var client = await host.ClientForNewAccountAsync();
        var tenant = await TenantAsync(client);

        await SaveAsync(client, tenant, "Key", "edit_one");
        await SaveAsync(client, tenant, "Key acc", "edit_one");
        await SaveAsync(client, tenant, "Key account", "edit_one");
        await SaveAsync(client, tenant, "Key account", "edit_one");

        var entry = Assert.Single(await UpdatesAsync(client, tenant));
        Assert.Equal(("Start", "Key account"), Notes(entry));
    }

    [Fact]
    public async Task A_new_session_or_a_save_without_one_makes_its_own_entry()
    {
        var client = await host.ClientForNewAccountAsync();
        var tenant = await TenantAsync(client);

        await SaveAsync(client, tenant, "One", "edit_one");
        await SaveAsync(client, tenant, "Two", "edit_two");
        await SaveAsync(client, tenant, "Three", null);
        await SaveAsync(client, tenant, "Four", null);

        Assert.Equal([("Three", "Four"), ("Two", "Three"), ("One", "Two"), ("Start", "One")], (await UpdatesAsync(client, tenant)).Select(Notes));
    }

    [Fact]
    public async Task Another_change_between_two_saves_of_a_session_ends_its_entry_so_no_entry_hides_someone_elses_change()
    {
        var client = await host.ClientForNewAccountAsync();
        var tenant = await TenantAsync(client);

        await SaveAsync(client, tenant, "Mine", "edit_one");
        await SaveAsync(client, tenant, "Theirs", null);
        await SaveAsync(client, tenant, "Mine again", "edit_one");

        Assert.Equal([("Theirs", "Mine again"), ("Mine", "Theirs"), ("Start", "Mine")], (await UpdatesAsync(client, tenant)).Select(Notes));
    }

    [Fact]
    public async Task Concurrent_saves_of_one_session_still_make_one_entry_ending_at_what_is_stored()
    {
        var client = await host.ClientForNewAccountAsync();
        var tenant = await TenantAsync(client);

        await Task.WhenAll(Enumerable.Range(1, 6).Select(i => SaveAsync(client, tenant, $"Draft {i}", "edit_one")));

        var stored = (string?)(await (await client.GetAsync($"api/tenants/{tenant}")).ReadObjectAsync())["notes"];
        var entry = Assert.Single(await UpdatesAsync(client, tenant));
        Assert.Equal(("Start", stored), Notes(entry));
    }

    [Fact]
    public async Task A_malformed_session_id_is_refused_and_changes_nothing()
    {
        var client = await host.ClientForNewAccountAsync();
        var tenant = await TenantAsync(client);
        using var request = new HttpRequestMessage(HttpMethod.Patch, $"api/tenants/{tenant}") { Content = Http.Json(new { notes = "Changed" }) };
        request.Headers.Add("Edit-Session", "not a valid id!");

        var response = await client.SendAsync(request);

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await response.ReadObjectAsync())["errors"]!["Edit-Session"]);
        Assert.Empty(await UpdatesAsync(client, tenant));
    }
}
