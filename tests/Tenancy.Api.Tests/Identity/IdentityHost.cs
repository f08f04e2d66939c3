using System.Net;
using Tenancy.Api.Tests.Access;
using Tenancy.TestSupport;

namespace Tenancy.Api.Tests.Identity;

/// <summary>
/// The local host trusting four issuers of the tests' own (R14): <see cref="Main"/>, <see cref="Second"/> (it gives the
/// same subjects), <see cref="Rotating"/> (its keys change; only the key rotation test uses it, so that its once-a-minute
/// key refresh is that test's alone) and <see cref="Directory"/> (a Microsoft Entra ID-like multi-tenant issuer).
/// </summary>
public sealed class IdentityHostFixture : IAsyncLifetime
{
    public TestIssuer Main { get; } = new();
    public TestIssuer Second { get; } = new();
    public TestIssuer Rotating { get; } = new();
    public TestIssuer Directory { get; } = new(directoryTemplate: true);

    public LocalHostFixture Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        TestIssuer[] issuers = [Main, Second, Rotating, Directory];
        foreach (var issuer in issuers) await issuer.InitializeAsync();
        Host = new LocalHostFixture
        {
            Configure = b =>
            {
                for (var i = 0; i < issuers.Length; i++)
                {
                    b.Configuration[$"TENANCY_IDENTITY:Issuers:{i}:Authority"] = issuers[i].Authority;
                    b.Configuration[$"TENANCY_IDENTITY:Issuers:{i}:Audience"] = TestIssuer.Audience;
                    b.Configuration[$"TENANCY_IDENTITY:Issuers:{i}:RequireHttpsMetadata"] = "false";
                }
            },
        };
        await Host.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        foreach (var issuer in new[] { Main, Second, Rotating, Directory }) await issuer.DisposeAsync();
    }

    /// <summary>A client that sends a token as its bearer credential.</summary>
    public HttpClient ClientWith(string token) => Host.ClientFor(token);

    public async Task<(string Code, DateTimeOffset ExpiresAt)> InviteAsync(HttpClient owner, string agentId)
    {
        var response = await owner.PostAsync($"api/agents/{agentId}/invitations", null);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.ReadObjectAsync();
        return ((string)body["code"]!, (DateTimeOffset)body["expiresAt"]!);
    }

    public Task<HttpResponseMessage> PresentAsync(string token, string code) =>
        ClientWith(token).PostAsync("api/me/identity", Http.Json(new { code }));

    /// <summary>A new agent whose person signed in with <paramref name="subject"/> at <see cref="Main"/> and presented its invitation.</summary>
    public async Task<(string AgentId, string Subject)> LinkedAgentAsync(HttpClient owner, string role, TestIssuer? issuer = null)
    {
        var agent = await owner.CreateAgentAsync(role);
        var subject = "person-" + Guid.NewGuid().ToString("N");
        var (code, _) = await InviteAsync(owner, agent.Id);
        var linked = await PresentAsync((issuer ?? Main).Mint(subject), code);
        Assert.Equal(HttpStatusCode.OK, linked.StatusCode);
        return (agent.Id, subject);
    }
}

[CollectionDefinition(Name)]
public sealed class IdentityHostCollection : ICollectionFixture<IdentityHostFixture>
{
    public const string Name = "Identity host";
}
