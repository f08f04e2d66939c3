using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Tenancy.WebConsole.Api;
using Tenancy.WebConsole.Session;
using Tenancy.WebConsole.Signing;

namespace Tenancy.WebConsole.Tests.Signing;

/// <summary>
/// At sign-in the console gives an agent a signing key only if its role may do a sensitive operation: an administrator
/// registers one (pending), a technician (read-only) is not asked to wait for an approval it would never use.
/// </summary>
public sealed class SigningKeyEnrolmentTests : ConsoleTestContext
{
    private readonly CountingKeys _keys = new();

    public SigningKeyEnrolmentTests() => Services.AddSingleton<ILocalSigningKeys>(_keys);

    private async Task<ConsoleSigningKey> SignInAsync(CallerResponse caller)
    {
        await Services.GetRequiredService<ConsoleSession>().SignInAsync("tny_agent", caller);
        await Services.GetRequiredService<SigningKeyEnrolment>().StartAsync();
        return Services.GetRequiredService<ConsoleSigningKey>();
    }

    [Fact]
    public async Task An_administrator_gets_a_key_registered_and_waiting_for_approval()
    {
        Api.Answer("POST", "/api/agents/agt_a/signing-keys", HttpStatusCode.Created,
            """{"id":"sk_1","name":"Console","fingerprint":"fp1","status":"pending","createdAt":"2026-11-30T12:00:00Z"}""");

        var key = await SignInAsync(new CallerResponse("agent", "agt_a", "Ada", "administrator"));

        Assert.Equal(ConsoleKeyStatus.Pending, key.Status);
        Assert.Equal(1, _keys.Created);
        Assert.Contains(Api.Requests, r => r.Route == "POST /api/agents/agt_a/signing-keys");
    }

    [Fact]
    public async Task A_technician_is_given_no_key_and_nothing_is_registered()
    {
        var key = await SignInAsync(new CallerResponse("agent", "agt_t", "Tess", "technician"));

        Assert.Equal(ConsoleKeyStatus.None, key.Status);
        Assert.Equal(0, _keys.Created);
        Assert.Empty(Api.Requests);
    }

    private sealed class CountingKeys : ILocalSigningKeys
    {
        public int Created { get; private set; }

        public Task<bool> SupportedAsync() => Task.FromResult(true);
        public Task<LocalSigningKey?> FindAsync(string slot) => Task.FromResult<LocalSigningKey?>(null);

        public Task<string> CreateAsync(string slot)
        {
            Created++;
            return Task.FromResult("""{"kty":"EC","crv":"P-256","x":"AQ","y":"AQ"}""");
        }

        public Task SetKeyIdAsync(string slot, string keyId) => Task.CompletedTask;
        public Task ForgetAsync(string slot) => Task.CompletedTask;
        public Task<byte[]?> SignAsync(string slot, string text) => Task.FromResult<byte[]?>(null);
    }
}
