using System.Net;
using Tenancy.Api.Tests.Access;

namespace Tenancy.Api.Tests.Identity;

/// <summary>
/// R14 with R10: a person's token is its agent's for exactly as long as the agent exists and names their identity;
/// deleting the agent, unlinking it or changing its role counts from the very next request (the access version).
/// </summary>
[Collection(IdentityHostCollection.Name)]
public class IdentityRevocationTests(IdentityHostFixture fixture)
{
    [Fact]
    public async Task A_deleted_agent_s_person_is_refused_on_the_very_next_request()
    {
        var owner = await fixture.Host.ClientForNewAccountAsync();
        var (agentId, subject) = await fixture.LinkedAgentAsync(owner, "administrator");
        var person = fixture.ClientWith(fixture.Main.Mint(subject));
        Assert.Equal(HttpStatusCode.OK, (await person.GetAsync("api/tenants")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await owner.DeleteAsync($"api/agents/{agentId}")).StatusCode);

        var problem = await (await person.PostAsync("api/tenants", Http.Json(Http.Tenant("Too late")))).AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Contains("invitation", (string)problem["detail"]!);
        Assert.Empty(await owner.IdsAsync("api/tenants"));
    }

    [Fact]
    public async Task An_unlinked_agent_s_person_is_refused_on_the_very_next_request_and_can_be_invited_again()
    {
        var owner = await fixture.Host.ClientForNewAccountAsync();
        var (agentId, subject) = await fixture.LinkedAgentAsync(owner, "administrator");
        var person = fixture.ClientWith(fixture.Main.Mint(subject));
        Assert.Equal(HttpStatusCode.OK, (await person.GetAsync("api/tenants")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await owner.DeleteAsync($"api/agents/{agentId}/identity")).StatusCode);

        await (await person.PostAsync("api/tenants", Http.Json(Http.Tenant("Too late")))).AssertProblemAsync(HttpStatusCode.Unauthorized);
        await (await person.GetAsync("api/tenants")).AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Empty(await owner.IdsAsync("api/tenants"));
        var (code, _) = await fixture.InviteAsync(owner, agentId);
        Assert.Equal(HttpStatusCode.OK, (await fixture.PresentAsync(fixture.Main.Mint(subject), code)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await person.GetAsync("api/tenants")).StatusCode);
    }

    [Fact]
    public async Task A_role_change_counts_for_the_person_from_the_very_next_request()
    {
        var owner = await fixture.Host.ClientForNewAccountAsync();
        var (agentId, subject) = await fixture.LinkedAgentAsync(owner, "administrator");
        var person = fixture.ClientWith(fixture.Main.Mint(subject));
        Assert.Equal(HttpStatusCode.OK, (await person.GetAsync("api/agents")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await owner.PatchAsync($"api/agents/{agentId}", Http.Json(new { role = "technician" }))).StatusCode);

        await (await person.GetAsync("api/agents")).AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_linked_agent_cannot_take_a_second_identity_nor_an_identity_a_second_agent()
    {
        var owner = await fixture.Host.ClientForNewAccountAsync();
        var (agentId, subject) = await fixture.LinkedAgentAsync(owner, "technician");
        var other = await owner.CreateAgentAsync("technician");
        var (forOther, _) = await fixture.InviteAsync(owner, other.Id);
        var (forSame, _) = await fixture.InviteAsync(owner, agentId);

        await (await fixture.PresentAsync(fixture.Main.Mint(subject), forOther)).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await fixture.PresentAsync(fixture.Main.Mint("someone-else-" + Guid.NewGuid().ToString("N")), forSame)).AssertProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal(agentId, (string?)(await fixture.ClientWith(fixture.Main.Mint(subject)).GetObjectAsync("api/me"))["agentId"]);
    }

    [Fact]
    public async Task Unlinking_an_agent_is_sensitive_for_an_agent()
    {
        var owner = await fixture.Host.ClientForNewAccountAsync();
        var (adminId, subject) = await fixture.LinkedAgentAsync(owner, "administrator");
        var (otherId, otherSubject) = await fixture.LinkedAgentAsync(owner, "technician");

        var problem = await (await fixture.ClientWith(fixture.Main.Mint(subject)).DeleteAsync($"api/agents/{otherId}/identity"))
            .AssertProblemAsync(HttpStatusCode.Forbidden);

        Assert.Equal("urn:tenancy:problem:signature-required", (string?)problem["type"]);
        Assert.Equal(HttpStatusCode.OK, (await fixture.ClientWith(fixture.Main.Mint(otherSubject)).GetAsync("api/me")).StatusCode);
        Assert.NotEqual(adminId, otherId);
    }
}
