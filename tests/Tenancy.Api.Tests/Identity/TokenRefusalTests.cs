using System.Net;
using Tenancy.Api.Tests.Access;
using Tenancy.TestSupport;

namespace Tenancy.Api.Tests.Identity;

/// <summary>
/// R14: a token is accepted only from a trusted issuer, for this API, within its lifetime (2 minutes of skew), signed
/// with RS256 or ES256 by a key its issuer publishes. Each refusal is a 401 problem and changes nothing, even for a
/// person whose identity is linked to an administrator.
/// </summary>
[Collection(IdentityHostCollection.Name)]
public class TokenRefusalTests(IdentityHostFixture fixture)
{
    [Theory]
    [InlineData("wrong issuer")]
    [InlineData("wrong audience")]
    [InlineData("expired")]
    [InlineData("alg none")]
    [InlineData("HS256 with the public key")]
    [InlineData("unpublished key")]
    public async Task A_token_that_fails_a_rule_is_refused_and_changes_nothing(string flaw)
    {
        var owner = await fixture.Host.ClientForNewAccountAsync();
        var (_, subject) = await fixture.LinkedAgentAsync(owner, "administrator");
        var issuer = fixture.Main;
        var token = flaw switch
        {
            "wrong issuer" => issuer.Mint(subject, issuer: issuer.Authority + "-elsewhere"),
            "wrong audience" => issuer.Mint(subject, audience: "another-api"),
            "expired" => issuer.Mint(subject, issuedAt: DateTimeOffset.UtcNow.AddHours(-1), lifetime: TimeSpan.FromMinutes(30)),
            "alg none" => issuer.MintUnsigned(subject),
            "HS256 with the public key" => issuer.MintHmacWithPublicKey(subject),
            "unpublished key" => issuer.Mint(subject, signingKey: TestIssuer.UnpublishedKey()),
            _ => throw new ArgumentOutOfRangeException(nameof(flaw)),
        };
        var client = fixture.ClientWith(token);

        var problem = await (await client.PostAsync("api/tenants", Http.Json(Http.Tenant("Should not exist")))).AssertProblemAsync(HttpStatusCode.Unauthorized);
        await (await client.GetAsync("api/me")).AssertProblemAsync(HttpStatusCode.Unauthorized);

        Assert.StartsWith("The token is not valid", (string)problem["detail"]!);
        Assert.Empty(await owner.IdsAsync("api/tenants"));
        Assert.Equal(HttpStatusCode.OK, (await fixture.ClientWith(issuer.Mint(subject)).GetAsync("api/me")).StatusCode);
    }

    [Fact]
    public async Task A_token_expired_within_the_two_minutes_of_skew_is_accepted_and_one_beyond_is_not()
    {
        var owner = await fixture.Host.ClientForNewAccountAsync();
        var (agentId, subject) = await fixture.LinkedAgentAsync(owner, "technician");
        var now = DateTimeOffset.UtcNow;

        var withinSkew = fixture.Main.Mint(subject, issuedAt: now.AddMinutes(-31), lifetime: TimeSpan.FromMinutes(30));
        var beyondSkew = fixture.Main.Mint(subject, issuedAt: now.AddMinutes(-34), lifetime: TimeSpan.FromMinutes(30));

        Assert.Equal(agentId, (string?)(await fixture.ClientWith(withinSkew).GetObjectAsync("api/me"))["agentId"]);
        await (await fixture.ClientWith(beyondSkew).GetAsync("api/me")).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_same_subject_from_a_second_trusted_issuer_is_another_person()
    {
        var owner = await fixture.Host.ClientForNewAccountAsync();
        var (_, subject) = await fixture.LinkedAgentAsync(owner, "administrator");

        var problem = await (await fixture.ClientWith(fixture.Second.Mint(subject)).PostAsync("api/tenants", Http.Json(Http.Tenant("Should not exist"))))
            .AssertProblemAsync(HttpStatusCode.Unauthorized);

        Assert.Contains("invitation", (string)problem["detail"]!);
        Assert.Empty(await owner.IdsAsync("api/tenants"));
    }
}
