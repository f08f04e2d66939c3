using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Tenancy.TestSupport;

namespace Tenancy.Api.Tests.Tenants;

[Collection(LocalHostCollection.Name)]
public class TenantRoutesTests(LocalHostFixture host)
{
    [Fact]
    public async Task Create_answers_201_with_location_etag_and_the_tenant()
    {
        var client = await host.ClientForNewAccountAsync();

        var response = await client.PostAsync("api/tenants", Http.Json(new
        {
            name = "  Contoso   Ltd ",
            notes = "Key customer",
            contacts = new object[]
            {
                new { name = "Ann", role = "CTO", email = "ann@contoso.com", countryCode = "+33", phone = "01 23 45 67 89" },
                new { name = "Bob", isPrimary = true },
            },
        }));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var tenant = await response.ReadObjectAsync();
        Assert.Equal($"/api/tenants/{tenant["id"]}", response.Headers.Location?.ToString());
        Assert.NotNull(response.Headers.ETag);
        Assert.Equal("Contoso Ltd", (string?)tenant["name"]);
        Assert.Equal("console", (string?)tenant["origin"]!["kind"]);
        var contacts = tenant["contacts"]!.AsArray();
        Assert.Equal(["Ann", "Bob"], contacts.Select(c => (string)c!["name"]!));
        Assert.Equal([false, true], contacts.Select(c => (bool)c!["isPrimary"]!));
    }

    [Fact]
    public async Task Get_returns_what_create_stored()
    {
        var client = await host.ClientForNewAccountAsync();
        var created = await client.CreateTenantAsync("Fabrikam");

        var response = await client.GetAsync($"api/tenants/{created["id"]}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(response.Headers.ETag);
        var read = await response.ReadObjectAsync();
        Assert.Equal("Fabrikam", (string?)read["name"]);
        Assert.Single(read["contacts"]!.AsArray());
        Assert.True((bool)read["contacts"]![0]!["isPrimary"]!);
    }

    [Fact]
    public async Task Invalid_fields_get_400_with_an_error_per_field_and_nothing_is_created()
    {
        var client = await host.ClientForNewAccountAsync();

        var response = await client.PostAsync("api/tenants", Http.Json(new
        {
            name = new string('x', 129),
            notes = new string('n', 501),
            contacts = new object[] { new { name = "", email = "not-an-email", countryCode = "33", phone = "12" } },
        }));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        var errors = problem["errors"]!.AsObject();
        foreach (var field in new[] { "name", "notes", "contacts[0].name", "contacts[0].email", "contacts[0].countryCode", "contacts[0].phone" })
            Assert.True(errors.ContainsKey(field), $"missing error for {field}: {errors.ToJsonString()}");
        Assert.Empty((await (await client.GetAsync("api/tenants")).ReadObjectAsync())["items"]!.AsArray());
    }

    [Fact]
    public async Task A_tenant_needs_a_contact()
    {
        var client = await host.ClientForNewAccountAsync();

        var problem = await (await client.PostAsync("api/tenants", Http.Json(new { name = "Lonely", contacts = Array.Empty<object>() })))
            .AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.True(problem["errors"]!.AsObject().ContainsKey("contacts"));
    }

    [Theory]
    [InlineData("{\"name\": ", "")]
    [InlineData("[1,2]", "")]
    [InlineData("{\"name\": 42, \"contacts\": []}", "name")]
    [InlineData("{\"name\": \"A\", \"contacts\": {}}", "contacts")]
    [InlineData("{\"name\": \"A\", \"contacts\": [{\"name\": \"B\", \"isPrimary\": \"yes\"}]}", "contacts[0].isPrimary")]
    [InlineData("{\"name\": \"A\", \"contacts\": [{\"name\": \"B\"}], \"colour\": \"red\"}", "colour")]
    [InlineData("null", "")]
    [InlineData("", "")]
    public async Task Malformed_bodies_get_400_naming_the_field(string body, string field)
    {
        var client = await host.ClientForNewAccountAsync();

        var problem = await (await client.PostAsync("api/tenants", Http.RawJson(body))).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.True(problem["errors"]!.AsObject().ContainsKey(field), problem.ToJsonString());
    }

    [Fact]
    public async Task A_body_that_is_not_json_gets_415()
    {
        var client = await host.ClientForNewAccountAsync();

        var response = await client.PostAsync("api/tenants", new StringContent("name=Contoso", System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"));

        await response.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task A_huge_body_gets_413()
    {
        var client = await host.ClientForNewAccountAsync();

        var response = await client.PostAsync("api/tenants", Http.Json(new { name = "Huge", notes = new string('x', 400_000), contacts = new[] { new { name = "A" } } }));

        await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
    }

    [Theory]
    [InlineData("tnt_doesnotexist")]
    [InlineData("..%2F..%2Fetc")]
    [InlineData("x'or'1'eq'1")]
    public async Task Unknown_ids_are_404(string id)
    {
        var client = await host.ClientForNewAccountAsync();

        await (await client.GetAsync($"api/tenants/{id}")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Lists_page_by_page_in_name_order_and_searches_by_name_prefix()
    {
        var client = await host.ClientForNewAccountAsync();
        foreach (var name in new[] { "Contoso East", "Fabrikam", "contoso west", "Adventure Works", "Northwind" })
            await client.CreateTenantAsync(name);

        var names = new List<string>();
        string? token = null;
        do
        {
            var url = "api/tenants?pageSize=2" + (token is null ? "" : $"&continuationToken={Uri.EscapeDataString(token)}");
            var page = await (await client.GetAsync(url)).ReadObjectAsync();
            Assert.True(page["items"]!.AsArray().Count <= 2);
            names.AddRange(page["items"]!.AsArray().Select(i => (string)i!["name"]!));
            token = (string?)page["continuationToken"];
        } while (token is not null);
        var search = await (await client.GetAsync("api/tenants?search=CONTOSO")).ReadObjectAsync();

        Assert.Equal(["Adventure Works", "Contoso East", "contoso west", "Fabrikam", "Northwind"], names);
        Assert.Equal(["Contoso East", "contoso west"], search["items"]!.AsArray().Select(i => (string)i!["name"]!));
        var item = search["items"]![0]!;
        Assert.Equal(1, (int)item["contactCount"]!);
        Assert.Equal("Ann Lee", (string?)item["primaryContact"]);
    }

    [Theory]
    [InlineData("pageSize=0")]
    [InlineData("pageSize=201")]
    [InlineData("pageSize=ten")]
    [InlineData("continuationToken=forged!!")]
    public async Task Bad_paging_arguments_get_400(string query)
    {
        var client = await host.ClientForNewAccountAsync();

        await (await client.GetAsync($"api/tenants?{query}")).AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Patch_renames_and_changes_notes_at_once()
    {
        var client = await host.ClientForNewAccountAsync();
        var created = await client.CreateTenantAsync("Before");

        var response = await client.PatchAsync($"api/tenants/{created["id"]}", new { name = "After", notes = "Updated" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var read = await (await client.GetAsync($"api/tenants/{created["id"]}")).ReadObjectAsync();
        Assert.Equal(("After", "Updated"), ((string?)read["name"], (string?)read["notes"]));
        var cleared = await (await client.PatchAsync($"api/tenants/{created["id"]}", new { notes = "" })).ReadObjectAsync();
        Assert.Null((string?)cleared["notes"]);
        Assert.Equal("After", (string?)cleared["name"]);
    }

    [Fact]
    public async Task Patch_with_a_stale_If_Match_gets_412_and_changes_nothing()
    {
        var client = await host.ClientForNewAccountAsync();
        var created = await client.PostAsync("api/tenants", Http.Json(Http.Tenant("Guarded")));
        var etag = created.Headers.ETag!.ToString();
        var id = (string)(await created.ReadObjectAsync())["id"]!;
        var first = await client.PatchAsync($"api/tenants/{id}", new { notes = "first writer" }, etag);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);

        var second = await client.PatchAsync($"api/tenants/{id}", new { notes = "second writer" }, etag);

        await second.AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        Assert.Equal("first writer", (string?)(await (await client.GetAsync($"api/tenants/{id}")).ReadObjectAsync())["notes"]);
        var third = await client.PatchAsync($"api/tenants/{id}", new { notes = "third writer" }, first.Headers.ETag!.ToString());
        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
    }

    [Fact]
    public async Task Renaming_onto_another_tenants_name_gets_409_naming_it()
    {
        var client = await host.ClientForNewAccountAsync();
        var taken = await client.CreateTenantAsync("Taken Name");
        var other = await client.CreateTenantAsync("Other");

        var problem = await (await client.PatchAsync($"api/tenants/{other["id"]}", new { name = "taken   name" }))
            .AssertProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal((string?)taken["id"], (string?)problem["tenantId"]);
        Assert.Equal("Taken Name", (string?)problem["tenantName"]);
    }

    [Fact]
    public async Task Delete_answers_204_then_the_tenant_is_gone_and_its_name_free()
    {
        var client = await host.ClientForNewAccountAsync();
        var created = await client.CreateTenantAsync("Short lived");

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"api/tenants/{created["id"]}")).StatusCode);

        await (await client.GetAsync($"api/tenants/{created["id"]}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await client.DeleteAsync($"api/tenants/{created["id"]}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await client.CreateTenantAsync("short LIVED");
    }

    [Fact]
    public async Task Delete_with_a_stale_If_Match_gets_412()
    {
        var client = await host.ClientForNewAccountAsync();
        var created = await client.PostAsync("api/tenants", Http.Json(Http.Tenant("Delete guarded")));
        var id = (string)(await created.ReadObjectAsync())["id"]!;
        await client.PatchAsync($"api/tenants/{id}", new { notes = "changed" });

        await (await client.DeleteAsync($"api/tenants/{id}", created.Headers.ETag!.ToString())).AssertProblemAsync(HttpStatusCode.PreconditionFailed);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"api/tenants/{id}")).StatusCode);
    }

    [Fact]
    public async Task Fifty_concurrent_creates_of_one_name_give_one_tenant_and_49_conflicts()
    {
        var client = await host.ClientForNewAccountAsync();
        var spellings = Enumerable.Range(0, 50).Select(i => (i % 4) switch
        {
            0 => "Race Corp",
            1 => "race corp",
            2 => "  RACE   Corp ",
            _ => "Race\tcorp",
        });

        var responses = await Task.WhenAll(spellings.Select(name => client.PostAsync("api/tenants", Http.Json(Http.Tenant(name)))));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(49, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        var list = await (await client.GetAsync("api/tenants")).ReadObjectAsync();
        Assert.Single(list["items"]!.AsArray());
    }
}
