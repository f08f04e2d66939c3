using System.Net;
using System.Text.Json.Nodes;
using Tenancy.TestSupport;

namespace Tenancy.Api.Tests.Contacts;

[Collection(LocalHostCollection.Name)]
public class ContactRoutesTests(LocalHostFixture host)
{
    private async Task<(HttpClient Client, string TenantId)> TenantAsync()
    {
        var client = await host.ClientForNewAccountAsync();
        var tenant = await client.CreateTenantAsync("Contacts " + Guid.NewGuid().ToString("N")[..8]);
        return (client, (string)tenant["id"]!);
    }

    private static async Task<JsonArray> ContactsAsync(HttpClient client, string tenantId) =>
        (await (await client.GetAsync($"api/tenants/{tenantId}")).ReadObjectAsync())["contacts"]!.AsArray();

    private static string Primary(JsonArray contacts) => (string)contacts.Single(c => (bool)c!["isPrimary"]!)!["name"]!;

    [Fact]
    public async Task Adding_a_contact_answers_201_with_the_contact()
    {
        var (client, tenantId) = await TenantAsync();

        var response = await client.PostAsync($"api/tenants/{tenantId}/contacts", Http.Json(new { name = "Bob", role = "Support", email = "bob@example.org" }));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var contact = await response.ReadObjectAsync();
        Assert.Equal(("Bob", false), ((string?)contact["name"], (bool)contact["isPrimary"]!));
        Assert.Equal(2, (await ContactsAsync(client, tenantId)).Count);
    }

    [Fact]
    public async Task Adding_a_primary_contact_demotes_the_old_primary()
    {
        var (client, tenantId) = await TenantAsync();

        await client.PostAsync($"api/tenants/{tenantId}/contacts", Http.Json(new { name = "Bob", isPrimary = true }));

        Assert.Equal("Bob", Primary(await ContactsAsync(client, tenantId)));
    }

    [Fact]
    public async Task Patching_isPrimary_true_moves_the_primary()
    {
        var (client, tenantId) = await TenantAsync();
        var bob = await (await client.PostAsync($"api/tenants/{tenantId}/contacts", Http.Json(new { name = "Bob" }))).ReadObjectAsync();

        var response = await client.PatchAsync($"api/tenants/{tenantId}/contacts/{bob["id"]}", new { isPrimary = true, role = "Owner" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var contacts = await ContactsAsync(client, tenantId);
        Assert.Equal("Bob", Primary(contacts));
        Assert.Equal("Owner", (string?)contacts.Single(c => (string)c!["name"]! == "Bob")!["role"]);
    }

    [Fact]
    public async Task Unsetting_the_primary_directly_is_409()
    {
        var (client, tenantId) = await TenantAsync();
        var ann = (await ContactsAsync(client, tenantId))[0]!;

        await (await client.PatchAsync($"api/tenants/{tenantId}/contacts/{ann["id"]}", new { isPrimary = false }))
            .AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Removing_the_primary_promotes_the_earliest_remaining_contact()
    {
        var (client, tenantId) = await TenantAsync();
        await client.PostAsync($"api/tenants/{tenantId}/contacts", Http.Json(new { name = "Bob" }));
        await client.PostAsync($"api/tenants/{tenantId}/contacts", Http.Json(new { name = "Cid" }));
        var ann = (await ContactsAsync(client, tenantId)).Single(c => (string)c!["name"]! == "Ann Lee")!;

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"api/tenants/{tenantId}/contacts/{ann["id"]}")).StatusCode);

        Assert.Equal("Bob", Primary(await ContactsAsync(client, tenantId)));
    }

    [Fact]
    public async Task The_last_contact_cannot_be_removed()
    {
        var (client, tenantId) = await TenantAsync();
        var ann = (await ContactsAsync(client, tenantId))[0]!;

        await (await client.DeleteAsync($"api/tenants/{tenantId}/contacts/{ann["id"]}")).AssertProblemAsync(HttpStatusCode.Conflict);

        Assert.Single(await ContactsAsync(client, tenantId));
    }

    [Fact]
    public async Task Invalid_contact_fields_get_400_per_field()
    {
        var (client, tenantId) = await TenantAsync();

        var problem = await (await client.PostAsync($"api/tenants/{tenantId}/contacts",
                Http.Json(new { name = "", email = "x@", phone = "abc", countryCode = "+12345", role = new string('r', 101) })))
            .AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["countryCode", "email", "name", "phone", "role"], problem["errors"]!.AsObject().Select(e => e.Key).Order());
    }

    [Fact]
    public async Task Unknown_contacts_are_404()
    {
        var (client, tenantId) = await TenantAsync();

        await (await client.PatchAsync($"api/tenants/{tenantId}/contacts/con_missing", new { name = "X" })).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await client.DeleteAsync($"api/tenants/{tenantId}/contacts/con_missing")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_stale_If_Match_on_a_contact_write_is_412()
    {
        var client = await host.ClientForNewAccountAsync();
        var created = await client.PostAsync("api/tenants", Http.Json(Http.Tenant("Contact etag")));
        var tenantId = (string)(await created.ReadObjectAsync())["id"]!;
        await client.PostAsync($"api/tenants/{tenantId}/contacts", Http.Json(new { name = "Bob" }));

        var request = new HttpRequestMessage(HttpMethod.Post, $"api/tenants/{tenantId}/contacts") { Content = Http.Json(new { name = "Cid" }) };
        request.Headers.TryAddWithoutValidation("If-Match", created.Headers.ETag!.ToString());

        await (await client.SendAsync(request)).AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        Assert.Equal(2, (await ContactsAsync(client, tenantId)).Count);
    }

    [Fact]
    public async Task Concurrent_contact_operations_keep_exactly_one_primary()
    {
        var (client, tenantId) = await TenantAsync();
        var random = new Random(7);

        for (var round = 0; round < 6; round++)
        {
            var contacts = await ContactsAsync(client, tenantId);
            var ids = contacts.Select(c => (string)c!["id"]!).ToList();
            var calls = Enumerable.Range(0, 8).Select(_ => random.Next(3) switch
            {
                0 => client.PostAsync($"api/tenants/{tenantId}/contacts", Http.Json(new { name = $"C{random.Next(1000)}", isPrimary = random.Next(2) == 0 })),
                1 => client.PatchAsync($"api/tenants/{tenantId}/contacts/{ids[random.Next(ids.Count)]}", new { isPrimary = true }),
                _ => client.DeleteAsync($"api/tenants/{tenantId}/contacts/{ids[random.Next(ids.Count)]}"),
            }).ToList();
            var responses = await Task.WhenAll(calls);

            Assert.All(responses, r => Assert.True((int)r.StatusCode < 500, $"{(int)r.StatusCode}"));
            var after = await ContactsAsync(client, tenantId);
            Assert.NotEmpty(after);
            Assert.Single(after, c => (bool)c!["isPrimary"]!);
        }
    }

    [Fact]
    public async Task Concurrent_contact_adds_and_note_changes_without_If_Match_all_succeed_and_none_is_lost()
    {
        var (client, tenantId) = await TenantAsync();
        var notes = new List<string>();

        // Eight callers at once (what one account may send unthrottled), four rounds, all on one tenant.
        for (var round = 0; round < 4; round++)
        {
            var calls = Enumerable.Range(0, 8).Select(i =>
            {
                if (i % 2 == 0) return client.PostAsync($"api/tenants/{tenantId}/contacts", Http.Json(new { name = $"Added {round}-{i}" }));
                var note = $"Note {round}-{i}";
                lock (notes) notes.Add(note);
                return client.PatchAsync($"api/tenants/{tenantId}", new { notes = note });
            }).ToList();
            var responses = await Task.WhenAll(calls);

            Assert.All(responses, r => Assert.True(r.IsSuccessStatusCode, $"{(int)r.StatusCode}"));
        }

        var tenant = await (await client.GetAsync($"api/tenants/{tenantId}")).ReadObjectAsync();
        var names = tenant["contacts"]!.AsArray().Select(c => (string)c!["name"]!).ToList();
        Assert.All(Enumerable.Range(0, 4).SelectMany(round => new[] { 0, 2, 4, 6 }.Select(i => $"Added {round}-{i}")), name => Assert.Contains(name, names));
        Assert.Contains((string)tenant["notes"]!, notes.Where(n => n.StartsWith("Note 3-")));
    }
}
