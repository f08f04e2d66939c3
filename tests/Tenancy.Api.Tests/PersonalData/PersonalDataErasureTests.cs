using System.Net;
using System.Text.Json.Nodes;
using Tenancy.TestSupport;

namespace Tenancy.Api.Tests.PersonalData;

/// <summary>R15: a person is found everywhere, then erased everywhere, and no answer or download holds them any more.</summary>
[Collection(LocalHostCollection.Name)]
public class PersonalDataErasureTests(LocalHostFixture host)
{
    [Fact]
    public async Task A_person_planted_everywhere_is_found_in_every_place()
    {
        var person = await PlantedPerson.PlantAsync(host);

        var found = await (await person.Client.GetAsync($"api/personal-data?email={Uri.EscapeDataString(person.Email.ToUpperInvariant())}")).ReadObjectAsync();

        Assert.Equal(2, found["contacts"]!.AsArray().Count);
        Assert.Contains(found["contacts"]!.AsArray(), c => (string?)c!["contact"]!["id"] == person.ContactId);
        var actions = found["auditEntries"]!.AsArray().Select(e => (string?)e!["action"]).ToList();
        Assert.Contains("contact.added", actions);
        Assert.Contains("contact.updated", actions);
        Assert.Contains("tenant.created", actions); // the import's tenant with the person as a contact
        var job = Assert.Single(found["importJobs"]!.AsArray(), j => (string?)j!["id"] == person.ImportId)!;
        Assert.Contains("file", job["places"]!.AsArray().Select(p => (string?)p));
        Assert.Contains("errorReport", job["places"]!.AsArray().Select(p => (string?)p));
        Assert.Equal(2, job["rows"]!.AsArray().Count);
        Assert.Single(found["files"]!.AsArray());
        Assert.Equal(person.TicketIds.Order(), found["ticketAssignments"]!.AsArray().Select(a => (string)a!["ticketId"]!).Order());
    }

    [Fact]
    public async Task After_an_erasure_no_answer_or_download_holds_the_address_or_the_name_and_the_records_stay()
    {
        var person = await PlantedPerson.PlantAsync(host);
        var auditBefore = await AllAuditEntriesAsync(person.Client);

        var erased = await person.Client.PostAsync("api/personal-data/erasures", Http.Json(new { email = person.Email }));

        Assert.Equal(HttpStatusCode.OK, erased.StatusCode);
        var report = await erased.ReadObjectAsync();
        Assert.Equal(2, report["contacts"]!.AsArray().Count);
        Assert.Equal(2, (int)report["ticketAssignments"]!);
        Assert.Contains(person.ImportId, report["files"]!.AsArray().Select(f => (string?)f));

        var answers = await EverythingTheApiAnswersAsync(person);
        foreach (var (what, text) in answers)
        {
            Assert.False(text.Contains("kellerman", StringComparison.OrdinalIgnoreCase), $"{what} holds the address or the name: {text}");
            Assert.False(text.Contains(person.Phone), $"{what} holds the phone: {text}");
            Assert.False(text.Contains("before nine"), $"{what} holds the notes: {text}");
        }

        var search = await (await person.Client.GetAsync($"api/personal-data?email={Uri.EscapeDataString(person.Email)}")).ReadObjectAsync();
        Assert.All(new[] { "contacts", "agents", "auditEntries", "importJobs", "files", "ticketAssignments" }, list => Assert.Empty(search[list]!.AsArray()));

        var auditAfter = await AllAuditEntriesAsync(person.Client);
        Assert.Equal(auditBefore.Count + 3, auditAfter.Count); // the two contacts' removals, then personalData.erased
        Assert.Equal(auditBefore.Select(e => (string?)e["id"]).Order(), auditAfter.Select(e => (string?)e["id"]).Intersect(auditBefore.Select(e => (string?)e["id"])).Order());
        var pseudonymised = auditAfter.Single(e => (string?)e["action"] == "contact.added" && (string?)e["targetId"] == person.ContactId);
        Assert.StartsWith("erased-", (string?)pseudonymised["after"]!["email"]);
        Assert.Equal(pseudonymised["after"]!["email"]!.ToJsonString(), pseudonymised["after"]!["name"]!.ToJsonString());
        var record = Assert.Single(auditAfter, e => (string?)e["action"] == "personalData.erased");
        Assert.Equal(2, (int)record["after"]!["contacts"]!);
        foreach (var ticketId in person.TicketIds)
            Assert.Equal(person.TenantId, (string?)(await PlantedPerson.WaitForAssignmentAsync(person.Client, ticketId))["tenantId"]);
    }

    [Fact]
    public async Task Erasing_again_answers_that_nothing_is_left()
    {
        var person = await PlantedPerson.PlantAsync(host);
        Assert.Equal(HttpStatusCode.OK, (await person.Client.PostAsync("api/personal-data/erasures", Http.Json(new { email = person.Email }))).StatusCode);
        var audit = await AllAuditEntriesAsync(person.Client);

        var again = await person.Client.PostAsync("api/personal-data/erasures", Http.Json(new { email = person.Email.ToLowerInvariant() }));

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var report = await again.ReadObjectAsync();
        Assert.Empty(report["contacts"]!.AsArray());
        Assert.Equal(0, (int)report["auditEntries"]!);
        Assert.Empty(report["importJobs"]!.AsArray());
        Assert.Equal(0, (int)report["ticketAssignments"]!);
        Assert.Equal(audit.Count, (await AllAuditEntriesAsync(person.Client)).Count);
    }

    [Fact]
    public async Task Routing_by_the_erased_contact_stops_at_once()
    {
        var client = await host.ClientForNewAccountAsync();
        var tenant = await client.CreateTenantAsync("Routing " + Guid.NewGuid().ToString("N")[..8],
            new { name = "Pat Primary", email = "pat@gmail.com", isPrimary = true }, new { name = "Quinn Erased", email = "quinn.erased@gmail.com" });
        var before = await (await client.GetAsync("api/ticket-routing/match?from=quinn.erased%40gmail.com")).ReadObjectAsync();
        Assert.Equal((string?)tenant["id"], (string?)before["tenantId"]);

        await client.PostAsync("api/personal-data/erasures", Http.Json(new { email = "Quinn.Erased@gmail.com" }));

        var after = await (await client.GetAsync("api/ticket-routing/match?from=quinn.erased%40gmail.com")).ReadObjectAsync();
        Assert.Null((string?)after["tenantId"]);
    }

    [Fact]
    public async Task A_primary_contact_is_not_erased_and_the_answer_names_the_tenant()
    {
        var client = await host.ClientForNewAccountAsync();
        var name = "Primary " + Guid.NewGuid().ToString("N")[..8];
        var tenant = await client.CreateTenantAsync(name,
            new { name = "Rae Primary", email = "rae@primary.example", isPrimary = true }, new { name = "Sam Other", email = "sam@primary.example" });

        var refused = await client.PostAsync("api/personal-data/erasures", Http.Json(new { email = "rae@primary.example" }));

        var problem = await refused.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("urn:tenancy:problem:primary-contact", (string?)problem["type"]);
        Assert.Equal(name, (string?)problem["tenantName"]);
        Assert.Contains("primary", (string?)problem["detail"]);
        var after = await (await client.GetAsync($"api/tenants/{tenant["id"]}")).ReadObjectAsync();
        Assert.Equal(2, after["contacts"]!.AsArray().Count);
        var found = await (await client.GetAsync("api/personal-data?email=rae@primary.example")).ReadObjectAsync();
        Assert.Single(found["contacts"]!.AsArray());
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"email\":\"not an address\"}")]
    [InlineData("{\"email\":\"\"}")]
    public async Task An_erasure_without_a_usable_address_is_a_validation_problem(string body)
    {
        var client = await host.ClientForNewAccountAsync();

        var response = await client.PostAsync("api/personal-data/erasures", Http.RawJson(body));

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Finding_without_an_address_is_a_validation_problem()
    {
        var client = await host.ClientForNewAccountAsync();

        await (await client.GetAsync("api/personal-data")).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await client.GetAsync("api/personal-data?email=nobody")).AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    private static async Task<List<JsonObject>> AllAuditEntriesAsync(HttpClient client)
    {
        var entries = new List<JsonObject>();
        string? token = null;
        do
        {
            var page = await (await client.GetAsync("api/audit?pageSize=200" + (token is null ? "" : "&continuationToken=" + Uri.EscapeDataString(token)))).ReadObjectAsync();
            entries.AddRange(page["items"]!.AsArray().Select(e => e!.AsObject()));
            token = (string?)page["continuationToken"];
        } while (token is not null);
        return entries;
    }

    /// <summary>Every answer and download of the account where the person was: tenants, audit, imports with their errors and report, tickets, a new search.</summary>
    private static async Task<List<(string What, string Text)>> EverythingTheApiAnswersAsync(PlantedPerson person)
    {
        var client = person.Client;
        var urls = new List<string> { "api/tenants?pageSize=200", "api/tenant-imports", $"api/tenant-imports/{person.ImportId}",
            $"api/tenant-imports/{person.ImportId}/errors/items?pageSize=200" };
        var tenants = await (await client.GetAsync("api/tenants?pageSize=200")).ReadObjectAsync();
        urls.AddRange(tenants["items"]!.AsArray().Select(t => $"api/tenants/{t!["id"]}"));
        urls.AddRange(person.TicketIds.Select(t => $"api/tickets/{t}/assignment"));
        var answers = new List<(string, string)>();
        foreach (var url in urls) answers.Add((url, await (await client.GetAsync(url)).Content.ReadAsStringAsync()));
        answers.AddRange((await AllAuditEntriesAsync(client)).Select(e => ("api/audit", e.ToJsonString(new System.Text.Json.JsonSerializerOptions
            { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))));

        var report = await client.GetAsync($"api/tenant-imports/{person.ImportId}/errors");
        answers.Add(("error report", report.StatusCode == HttpStatusCode.OK
            ? string.Join("\n", Spreadsheets.Read(await report.Content.ReadAsByteArrayAsync()).Select(r => string.Join("\t", r)))
            : await report.Content.ReadAsStringAsync()));
        var export = await client.GetAsync("api/tenants/export");
        answers.Add(("export", string.Join("\n", Spreadsheets.Read(await export.Content.ReadAsByteArrayAsync()).Select(r => string.Join("\t", r)))));
        return answers;
    }
}
