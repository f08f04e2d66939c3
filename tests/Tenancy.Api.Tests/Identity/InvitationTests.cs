using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Tenancy.Api.Tests.Access;
using Tenancy.Core.Audit;
using Tenancy.Core.Identity;

namespace Tenancy.Api.Tests.Identity;

/// <summary>R14: a person's work account becomes an agent's through a one-time invitation, and through nothing else.</summary>
[Collection(IdentityHostCollection.Name)]
public class InvitationTests(IdentityHostFixture fixture)
{
    [Fact]
    public async Task A_person_with_no_invitation_is_told_to_ask_for_one_and_nothing_is_created()
    {
        var owner = await fixture.Host.ClientForNewAccountAsync();
        var person = fixture.ClientWith(fixture.Main.Mint("nobody-" + Guid.NewGuid().ToString("N")));

        var problem = await (await person.GetAsync("api/tenants")).AssertProblemAsync(HttpStatusCode.Unauthorized);
        await (await person.PostAsync("api/tenants", Http.Json(Http.Tenant("Made by nobody")))).AssertProblemAsync(HttpStatusCode.Unauthorized);

        Assert.Contains("invitation", (string)problem["detail"]!);
        Assert.Empty(await owner.IdsAsync("api/tenants"));
        Assert.Empty(await owner.IdsAsync("api/agents"));
    }

    [Fact]
    public async Task An_invitation_makes_the_person_its_agent_who_sees_only_the_tenants_it_reaches()
    {
        var owner = await fixture.Host.ClientForNewAccountAsync();
        var reached = (string)(await owner.CreateTenantAsync("Reached"))["id"]!;
        await owner.CreateTenantAsync("Not reached");
        var agent = await owner.CreateAgentAsync("technician", "Léa Martin");
        await owner.GrantAsync(new { agentId = agent.Id, scope = "tenant", tenantId = reached });
        var (code, expiresAt) = await fixture.InviteAsync(owner, agent.Id);
        var subject = "lea-" + Guid.NewGuid().ToString("N");
        var token = fixture.Main.Mint(subject);

        var linked = await fixture.PresentAsync(token, code);

        Assert.Equal(HttpStatusCode.OK, linked.StatusCode);
        var me = await fixture.ClientWith(token).GetObjectAsync("api/me");
        Assert.Equal(agent.Id, (string?)me["agentId"]);
        Assert.Equal("technician", (string?)me["role"]);
        Assert.Equal(fixture.Main.Authority, (string?)me["identity"]!["issuer"]);
        Assert.Equal(subject, (string?)me["identity"]!["subject"]);
        Assert.Equal([reached], await fixture.ClientWith(token).IdsAsync("api/tenants"));
        Assert.InRange(expiresAt - DateTimeOffset.UtcNow, TimeSpan.FromDays(7) - TimeSpan.FromMinutes(5), TimeSpan.FromDays(7));
        Assert.Null((await owner.GetObjectAsync("api/me"))["identity"]);
    }

    [Fact]
    public async Task An_invitation_used_once_links_nothing_more_for_the_same_person_or_a_second_one()
    {
        var owner = await fixture.Host.ClientForNewAccountAsync();
        var agent = await owner.CreateAgentAsync("administrator");
        var (code, _) = await fixture.InviteAsync(owner, agent.Id);
        var first = fixture.Main.Mint("first-" + Guid.NewGuid().ToString("N"));
        var second = fixture.Main.Mint("second-" + Guid.NewGuid().ToString("N"));
        Assert.Equal(HttpStatusCode.OK, (await fixture.PresentAsync(first, code)).StatusCode);

        await (await fixture.PresentAsync(first, code)).AssertProblemAsync(HttpStatusCode.Conflict);
        var problem = await (await fixture.PresentAsync(second, code)).AssertProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal("urn:tenancy:problem:invitation-used", (string?)problem["type"]);
        await (await fixture.ClientWith(second).GetAsync("api/tenants")).AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(agent.Id, (string?)(await fixture.ClientWith(first).GetObjectAsync("api/me"))["agentId"]);
    }

    [Fact]
    public async Task Two_people_presenting_one_code_at_once_link_exactly_one_of_them()
    {
        var owner = await fixture.Host.ClientForNewAccountAsync();
        var agent = await owner.CreateAgentAsync("technician");
        var (code, _) = await fixture.InviteAsync(owner, agent.Id);
        var tokens = Enumerable.Range(0, 4).Select(i => fixture.Main.Mint($"racer{i}-" + Guid.NewGuid().ToString("N"))).ToList();

        var answers = await Task.WhenAll(tokens.Select(t => fixture.PresentAsync(t, code)));

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.OK);
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.OK), a => Assert.Equal(HttpStatusCode.Conflict, a.StatusCode));
        var signedIn = 0;
        foreach (var token in tokens)
            if ((await fixture.ClientWith(token).GetAsync("api/me")).StatusCode == HttpStatusCode.OK) signedIn++;
        Assert.Equal(1, signedIn);
    }

    [Fact]
    public async Task An_unknown_or_expired_code_is_refused_and_links_nothing()
    {
        var owner = await fixture.Host.ClientForNewAccountAsync();
        var agent = await owner.CreateAgentAsync("technician");
        var accountId = await fixture.Host.AccountIdAsync(owner);
        var expired = InvitationCodes.New();
        var longAgo = DateTimeOffset.UtcNow.AddDays(-8);
        await fixture.Host.Services.GetRequiredService<IIdentityLinkStore>().CreateInvitationAsync(
            new Invitation(InvitationCodes.Hash(expired), accountId, agent.Id, longAgo, longAgo + InvitationCodes.Lifetime),
            AuditEntry.Of(longAgo, AuditActions.AgentInvited, AuditTargets.Agent, agent.Id, null, null), CancellationToken.None);
        var token = fixture.Main.Mint("late-" + Guid.NewGuid().ToString("N"));

        await (await fixture.PresentAsync(token, expired)).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await fixture.PresentAsync(token, InvitationCodes.New())).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await fixture.PresentAsync(token, "not a code")).AssertProblemAsync(HttpStatusCode.BadRequest);

        await (await fixture.ClientWith(token).GetAsync("api/me")).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_api_key_cannot_present_an_invitation()
    {
        var owner = await fixture.Host.ClientForNewAccountAsync();
        var agent = await owner.CreateAgentAsync("technician");
        var (code, _) = await fixture.InviteAsync(owner, agent.Id);

        await (await fixture.Host.ClientFor(agent.Key).PostAsync("api/me/identity", Http.Json(new { code }))).AssertProblemAsync(HttpStatusCode.Unauthorized);
        await (await fixture.Host.AnonymousClient().PostAsync("api/me/identity", Http.Json(new { code }))).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_person_s_changes_are_audited_as_their_agent_s_and_linking_records_no_identity()
    {
        var owner = await fixture.Host.ClientForNewAccountAsync();
        var (agentId, subject) = await fixture.LinkedAgentAsync(owner, "administrator");

        var tenant = (string)(await fixture.ClientWith(fixture.Main.Mint(subject)).CreateTenantAsync("Made by a person"))["id"]!;

        var entries = (await owner.GetObjectAsync($"api/audit?pageSize=200&actorId={agentId}"))["items"]!.AsArray();
        var created = Assert.Single(entries, e => (string?)e!["action"] == "tenant.created");
        Assert.Equal(tenant, (string?)created!["targetId"]);
        Assert.Equal("agent", (string?)created["actor"]!["kind"]);
        var all = (await owner.GetObjectAsync($"api/audit?pageSize=200&targetId={agentId}")).ToJsonString();
        Assert.Contains("agent.identityLinked", all);
        Assert.DoesNotContain(subject, all);
    }

    [Fact]
    public async Task A_person_signed_in_as_an_administrator_must_sign_an_invitation_as_any_agent_must()
    {
        var owner = await fixture.Host.ClientForNewAccountAsync();
        var (_, subject) = await fixture.LinkedAgentAsync(owner, "administrator");
        var technician = await owner.CreateAgentAsync("technician");
        var admin = fixture.ClientWith(fixture.Main.Mint(subject));

        var problem = await (await admin.PostAsync($"api/agents/{technician.Id}/invitations", null)).AssertProblemAsync(HttpStatusCode.Forbidden);

        Assert.Equal("urn:tenancy:problem:signature-required", (string?)problem["type"]);
        Assert.Equal(2, (await owner.IdsAsync("api/agents")).Count);
    }
}
