using System.Net;
using Tenancy.Api.Tests.Access;
using Tenancy.TestSupport;

namespace Tenancy.Api.Tests.Identity;

/// <summary>
/// R14: an issuer's keys are read from its JWKS, again when a token names a key id they lack (an issuer rotating its
/// keys), at most once a minute; a multi-tenant issuer (Microsoft Entra ID's <c>organizations</c>) is checked per
/// directory, and a person there is their directory and object id.
/// </summary>
[Collection(IdentityHostCollection.Name)]
public class IssuerKeysTests(IdentityHostFixture fixture)
{
    [Fact]
    public async Task A_rotated_key_is_read_on_its_first_token_and_an_unknown_key_id_reads_no_more_that_minute()
    {
        var owner = await fixture.Host.ClientForNewAccountAsync();
        var issuer = fixture.Rotating;
        var (agentId, subject) = await fixture.LinkedAgentAsync(owner, "technician", issuer);
        var readsBefore = issuer.JwksReads;

        var rotated = issuer.Rotate(ecdsa: true);
        var me = await fixture.ClientWith(issuer.Mint(subject, signingKey: rotated)).GetObjectAsync("api/me");
        var readsAfterRotation = issuer.JwksReads;
        var forged = await fixture.ClientWith(issuer.Mint(subject, signingKey: TestIssuer.UnpublishedKey())).GetAsync("api/me");

        Assert.Equal(agentId, (string?)me["agentId"]);
        Assert.Equal(readsBefore + 1, readsAfterRotation);
        await forged.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(readsAfterRotation, issuer.JwksReads);
    }

    [Fact]
    public async Task A_multi_tenant_issuer_s_person_is_their_directory_and_object_id_and_a_token_of_another_directory_is_refused()
    {
        var owner = await fixture.Host.ClientForNewAccountAsync();
        var agent = await owner.CreateAgentAsync("technician");
        var (code, _) = await fixture.InviteAsync(owner, agent.Id);
        var directory = Guid.NewGuid().ToString();
        var objectId = Guid.NewGuid().ToString();
        var token = fixture.Directory.MintForDirectory(directory, objectId);

        Assert.Equal(HttpStatusCode.OK, (await fixture.PresentAsync(token, code)).StatusCode);

        var me = await fixture.ClientWith(token).GetObjectAsync("api/me");
        Assert.Equal(fixture.Directory.IssuerFor(directory), (string?)me["identity"]!["issuer"]);
        Assert.Equal(objectId, (string?)me["identity"]!["subject"]);
        var posing = fixture.Directory.MintForDirectory(Guid.NewGuid().ToString(), objectId, issuerDirectory: directory);
        var problem = await (await fixture.ClientWith(posing).GetAsync("api/me")).AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.StartsWith("The token is not valid", (string)problem["detail"]!);
        var sameObjectElsewhere = fixture.Directory.MintForDirectory(Guid.NewGuid().ToString(), objectId);
        await (await fixture.ClientWith(sameObjectElsewhere).GetAsync("api/me")).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }
}
