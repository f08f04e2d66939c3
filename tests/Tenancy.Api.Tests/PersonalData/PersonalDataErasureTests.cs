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
        var auditBefore = await person.AllAuditEntriesAsync();

        var erased = await person.Client.PostAsync("api/personal-data/erasures", Http.Json(new { email = person.Email }));

        Assert.Equal(HttpStatusCode.OK, erased.StatusCode);
        var report = await erased.ReadObjectAsync();
        Assert.Equal(2, report["contacts"]!.AsArray().Count);
        Assert.Equal(2, (int)report["ticketAssignments"]!);
        Assert.Contains(person.ImportId, report["files"]!.AsArray().Select(f => (string?)f));

        await person.AssertNoTraceAsync();

        var auditAfter = await person.AllAuditEntriesAsync();
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
        var audit = await person.AllAuditEntriesAsync();

        var again = await person.Client.PostAsync("api/personal-data/erasures", Http.Json(new { email = person.Email.ToLowerInvariant() }));

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var report = await again.ReadObjectAsync();
        Assert.Empty(report["contacts"]!.AsArray());
        Assert.Equal(0, (int)report["auditEntries"]!);
        Assert.Empty(report["importJobs"]!.AsArray());
        Assert.Equal(0, (int)report["ticketAssignments"]!);
        Assert.Equal(audit.Count, (await person.AllAuditEntriesAsync()).Count);
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
}
