using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Tenancy.Api.Tests.Access;
using Tenancy.Local.DevelopmentIdentity;
using Tenancy.TestSupport;

namespace Tenancy.Api.Tests.Identity;

/// <summary>The local host with its development identity provider on, trusting it and nothing else.</summary>
public sealed class DevelopmentProviderFixture : IAsyncLifetime
{
    public LocalHostFixture Host { get; } = new() { Configure = b => b.Configuration[DevelopmentIdentityProvider.EnabledSetting] = "true" };

    public Task InitializeAsync() => Host.InitializeAsync();

    public Task DisposeAsync() => Host.DisposeAsync();
}

/// <summary>R14 locally: a person signs in at the local host's own provider (code flow with PKCE) and is their invited agent.</summary>
public class DevelopmentProviderTests(DevelopmentProviderFixture fixture) : IClassFixture<DevelopmentProviderFixture>
{
    [Fact]
    public async Task A_person_signs_in_at_the_local_provider_and_after_presenting_an_invitation_is_their_agent()
    {
        var owner = await fixture.Host.ClientForNewAccountAsync();
        var reached = (string)(await owner.CreateTenantAsync("Reached"))["id"]!;
        await owner.CreateTenantAsync("Not reached");
        var agent = await owner.CreateAgentAsync("technician", "Léa Martin");
        await owner.GrantAsync(new { agentId = agent.Id, scope = "tenant", tenantId = reached });
        var code = await InviteAsync(owner, agent.Id);
        var (email, password) = await NewUserAsync();

        var token = await SignInAsync(email, password);

        Assert.Equal(HttpStatusCode.OK, (await fixture.Host.ClientFor(token).PostAsync("api/me/identity", Http.Json(new { code }))).StatusCode);
        var me = await fixture.Host.ClientFor(token).GetObjectAsync("api/me");
        Assert.Equal(agent.Id, (string?)me["agentId"]);
        Assert.Equal(fixture.Host.BaseAddress.ToString(), (string?)me["identity"]!["issuer"]);
        Assert.Equal([reached], await fixture.Host.ClientFor(token).IdsAsync("api/tenants"));
    }

    [Fact]
    public async Task Access_tokens_are_RS256_JWTs_for_the_API_whose_subject_is_the_same_at_every_sign_in()
    {
        var (email, password) = await NewUserAsync();

        var first = new JsonWebToken(await SignInAsync(email, password));
        var second = new JsonWebToken(await SignInAsync(email, password));

        Assert.Equal("RS256", first.Alg);
        Assert.Contains(DevelopmentIdentityProvider.Audience, first.Audiences);
        Assert.False(string.IsNullOrEmpty(first.Subject));
        Assert.Equal(first.Subject, second.Subject);
    }

    [Fact]
    public async Task The_sign_in_page_labels_its_fields_and_a_wrong_password_gives_no_code()
    {
        var (email, _) = await NewUserAsync();
        var (_, query) = AuthorizationRequest();
        using var browser = Browser();

        var page = await browser.GetStringAsync(QueryHelpers.AddQueryString(DevelopmentIdentityProvider.AuthorizePath, query));
        var refused = await browser.PostAsync(DevelopmentIdentityProvider.AuthorizePath, new FormUrlEncodedContent(
            new Dictionary<string, string?>(query) { ["email"] = email, ["password"] = "not-the-password" }));

        Assert.Contains("<label for=\"email\">", page);
        Assert.Contains("<label for=\"password\">", page);
        Assert.DoesNotContain("<script", page);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("role=\"alert\"", await refused.Content.ReadAsStringAsync());
        Assert.Null(refused.Headers.Location);
    }

    [Fact]
    public async Task A_code_is_exchanged_only_with_its_PKCE_verifier()
    {
        var (email, password) = await NewUserAsync();
        var (_, query) = AuthorizationRequest();
        using var browser = Browser();
        var code = await AuthorizationCodeAsync(browser, query, email, password);

        var exchanged = await browser.PostAsync(DevelopmentIdentityProvider.TokenPath, TokenRequest(code, verifier: Base64Url(RandomNumberGenerator.GetBytes(32))));

        Assert.Equal(HttpStatusCode.BadRequest, exchanged.StatusCode);
        Assert.Equal("invalid_grant", (string?)JsonNode.Parse(await exchanged.Content.ReadAsStringAsync())!["error"]);
    }

    private async Task<string> InviteAsync(HttpClient owner, string agentId)
    {
        var response = await owner.PostAsync($"api/agents/{agentId}/invitations", null);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (string)(await response.ReadObjectAsync())["code"]!;
    }

    private async Task<(string Email, string Password)> NewUserAsync()
    {
        var users = fixture.Host.Services.GetRequiredService<DevelopmentUsers>();
        await users.EnsureCreatedAsync();
        var email = $"person-{Guid.NewGuid():N}@example.test";
        return (email, (await users.CreateAsync(email, "A person"))!);
    }

    /// <summary>What the console does: the authorization request with a PKCE challenge, the sign-in form, the code exchanged for tokens.</summary>
    private async Task<string> SignInAsync(string email, string password)
    {
        var (verifier, query) = AuthorizationRequest();
        using var browser = Browser();
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(QueryHelpers.AddQueryString(DevelopmentIdentityProvider.AuthorizePath, query))).StatusCode);
        var code = await AuthorizationCodeAsync(browser, query, email, password);
        var tokens = await browser.PostAsync(DevelopmentIdentityProvider.TokenPath, TokenRequest(code, verifier));
        Assert.Equal(HttpStatusCode.OK, tokens.StatusCode);
        return (string)JsonNode.Parse(await tokens.Content.ReadAsStringAsync())!["access_token"]!;
    }

    private static async Task<string> AuthorizationCodeAsync(HttpClient browser, Dictionary<string, string?> query, string email, string password)
    {
        var signedIn = await browser.PostAsync(DevelopmentIdentityProvider.AuthorizePath, new FormUrlEncodedContent(
            new Dictionary<string, string?>(query) { ["email"] = email, ["password"] = password }));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var location = signedIn.Headers.Location!;
        Assert.StartsWith((string)query["redirect_uri"]!, location.ToString());
        var answer = QueryHelpers.ParseQuery(location.Query);
        Assert.Equal(query["state"], answer["state"].ToString());
        return answer["code"].ToString();
    }

    private (string Verifier, Dictionary<string, string?> Query) AuthorizationRequest()
    {
        var verifier = Base64Url(RandomNumberGenerator.GetBytes(32));
        return (verifier, new Dictionary<string, string?>
        {
            ["client_id"] = DevelopmentIdentityProvider.ClientId,
            ["redirect_uri"] = RedirectUri,
            ["response_type"] = "code",
            ["scope"] = "openid profile",
            ["state"] = Base64Url(RandomNumberGenerator.GetBytes(16)),
            ["code_challenge"] = Base64Url(SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(verifier))),
            ["code_challenge_method"] = "S256",
        });
    }

    private FormUrlEncodedContent TokenRequest(string code, string verifier) => new(new Dictionary<string, string>
    {
        ["grant_type"] = "authorization_code",
        ["code"] = code,
        ["redirect_uri"] = RedirectUri,
        ["client_id"] = DevelopmentIdentityProvider.ClientId,
        ["code_verifier"] = verifier,
    });

    private string RedirectUri => new Uri(fixture.Host.BaseAddress, "authentication/login-callback").ToString();

    private HttpClient Browser() => new(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = fixture.Host.BaseAddress };

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
