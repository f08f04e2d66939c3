using Moq;
using Tenancy.Core.Access;
using Tenancy.Core.Accounts;
using Tenancy.Core.Audit;
using Tenancy.Core.Common;
using Tenancy.Core.Signatures;

namespace Tenancy.Core.Tests.Signatures;

/// <summary>Who may register, approve and revoke signing keys, and what a sensitive request needs (issue 17).</summary>
public sealed class SigningKeyServiceTests : IDisposable
{
    private static readonly Account Account = new("acc_1", "Acme", Plan.Msp, DateTimeOffset.UnixEpoch);
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000);
    private const string Uri = "https://tenancy.example/api/device-groups/grp_1";

    private readonly Mock<ISigningKeyStore> _store = new();
    private readonly Mock<IAccessStore> _agents = new();
    private readonly List<SigningKey> _keys = [];
    private readonly HashSet<string> _nonces = [];
    private readonly TestSigner _signer = new();

    public SigningKeyServiceTests()
    {
        _store.Setup(s => s.CreateAsync(Account.Id, It.IsAny<SigningKey>(), It.IsAny<CancellationToken>(), It.IsAny<AuditEntry?>()))
            .Callback((string _, SigningKey k, CancellationToken _, AuditEntry? _) => _keys.Add(k with { ETag = "1" })).Returns(Task.CompletedTask);
        _store.Setup(s => s.FindAsync(Account.Id, It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string _, string id, CancellationToken _) => _keys.FirstOrDefault(k => k.Id == id));
        _store.Setup(s => s.ListForAgentAsync(Account.Id, It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string _, string agentId, CancellationToken _) => _keys.Where(k => k.AgentId == agentId).ToList());
        _store.Setup(s => s.ReplaceAsync(Account.Id, It.IsAny<SigningKey>(), It.IsAny<CancellationToken>(), It.IsAny<AuditEntry?>()))
            .ReturnsAsync((string _, SigningKey k, CancellationToken _, AuditEntry? _) =>
            {
                _keys[_keys.FindIndex(x => x.Id == k.Id)] = k;
                return k;
            });
        _store.Setup(s => s.TryUseNonceAsync(Account.Id, It.IsAny<string>(), It.IsAny<string>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string _, string keyId, string nonce, DateTimeOffset _, CancellationToken _) => _nonces.Add(keyId + "|" + nonce));
        _agents.Setup(a => a.ReadAgentAsync(Account.Id, It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string _, string id, CancellationToken _) => id.StartsWith("agt_", StringComparison.Ordinal)
                ? new AgentWithReach(new Agent(id, "Someone", "someone@msp.example", AgentRole.Technician, Now, "hash"), [], [])
                : null);
    }

    private SigningKeyService Service() => new(_store.Object, _agents.Object, new FixedClock(Now));

    private static Caller AccountKey => new(Account, "hash-account");

    private static Caller AgentCaller(string id, AgentRole role) =>
        new(Account, "hash-" + id, id, new AgentPrincipal(id, id, role, Reach.Everything));

    private async Task<SigningKey> RegisteredAsync(string agentId = "agt_tech", AgentRole role = AgentRole.Technician) =>
        (await Service().RegisterAsync(AgentCaller(agentId, role), agentId, "Laptop", _signer.PublicJwk, default)).Key;

    [Fact]
    public async Task An_agent_registers_its_own_key_pending_and_registering_it_again_answers_the_same_key()
    {
        var first = await RegisteredAsync();
        var (again, created) = await Service().RegisterAsync(AgentCaller("agt_tech", AgentRole.Technician), "agt_tech", "Laptop", _signer.PublicJwk, default);

        Assert.Equal(SigningKeyStatus.Pending, first.Status);
        Assert.False(created);
        Assert.Equal(first.Id, again.Id);
        Assert.Single(_keys);
    }

    [Fact]
    public async Task Nobody_registers_a_key_for_another_agent()
    {
        await Assert.ThrowsAsync<ForbiddenException>(() => Service().RegisterAsync(AccountKey, "agt_tech", "Laptop", _signer.PublicJwk, default));
        await Assert.ThrowsAsync<ForbiddenException>(() => Service().RegisterAsync(AgentCaller("agt_admin", AgentRole.Administrator), "agt_tech", "Laptop", _signer.PublicJwk, default));
        // A technician does not even learn whether the other agent exists.
        await Assert.ThrowsAsync<NotFoundException>(() => Service().RegisterAsync(AgentCaller("agt_other", AgentRole.Technician), "agt_tech", "Laptop", _signer.PublicJwk, default));
        Assert.Empty(_keys);
    }

    [Fact]
    public async Task A_bad_key_or_name_is_a_validation_error_and_nothing_is_stored()
    {
        var refused = await Assert.ThrowsAsync<ValidationException>(() =>
            Service().RegisterAsync(AgentCaller("agt_tech", AgentRole.Technician), "agt_tech", " ", """{"kty":"EC","crv":"P-384"}""", default));

        Assert.Contains("name", refused.Errors.Keys);
        Assert.Contains("publicKey", refused.Errors.Keys);
        Assert.Empty(_keys);
    }

    [Fact]
    public async Task An_agent_holds_a_bounded_number_of_live_keys()
    {
        for (var i = 0; i < SigningKey.MaxLiveKeysPerAgent; i++)
        {
            using var signer = new TestSigner();
            await Service().RegisterAsync(AgentCaller("agt_tech", AgentRole.Technician), "agt_tech", $"Device {i}", signer.PublicJwk, default);
        }

        await Assert.ThrowsAsync<ValidationException>(() => RegisteredAsync());
    }

    [Fact]
    public async Task Approval_needs_another_administrator_or_the_account_key()
    {
        var adminsKey = await RegisteredAsync("agt_admin", AgentRole.Administrator);
        var techsKey = await RegisteredAsync("agt_tech");

        await Assert.ThrowsAsync<ForbiddenException>(() => Service().ApproveAsync(AgentCaller("agt_admin", AgentRole.Administrator), adminsKey.Id, default));
        await Assert.ThrowsAsync<ForbiddenException>(() => Service().ApproveAsync(AgentCaller("agt_tech", AgentRole.Technician), techsKey.Id, default));
        var approved = await Service().ApproveAsync(AgentCaller("agt_admin", AgentRole.Administrator), techsKey.Id, default);
        var byAccount = await Service().ApproveAsync(AccountKey, adminsKey.Id, default);

        Assert.Equal((SigningKeyStatus.Approved, "agt_admin"), (approved.Status, approved.ApprovedBy));
        Assert.Equal((SigningKeyStatus.Approved, "account"), (byAccount.Status, byAccount.ApprovedBy));
    }

    [Fact]
    public async Task A_revoked_key_cannot_be_approved_and_its_agent_may_revoke_it()
    {
        var key = await RegisteredAsync();
        await Assert.ThrowsAsync<NotFoundException>(() => Service().RevokeAsync(AgentCaller("agt_other", AgentRole.Technician), key.Id, default));

        await Service().RevokeAsync(AgentCaller("agt_tech", AgentRole.Technician), key.Id, default);
        await Service().RevokeAsync(AgentCaller("agt_tech", AgentRole.Technician), key.Id, default);

        var refused = await Assert.ThrowsAsync<ConflictException>(() => Service().ApproveAsync(AccountKey, key.Id, default));
        Assert.Equal("signing-key-revoked", refused.Kind);
    }

    [Fact]
    public async Task The_account_key_and_the_system_need_no_signature()
    {
        var unsigned = HttpMessageParts.Request("DELETE", Uri, [new("Authorization", "Bearer x")]);

        await Service().RequireSignatureAsync(AccountKey, SensitiveOperation.DeleteDeviceGroup, unsigned, [], default);
        await Service().RequireSignatureAsync(null, SensitiveOperation.DeleteDeviceGroup, unsigned, [], default);
    }

    [Fact]
    public async Task An_agent_needs_an_approved_key_of_its_own_and_each_signature_counts_once()
    {
        var tech = AgentCaller("agt_tech", AgentRole.Technician);
        var key = await RegisteredAsync();
        var signed = Sign(key.Id);

        var unsigned = await Refused(tech, HttpMessageParts.Request("DELETE", Uri, [new("Authorization", "Bearer x")]));
        Assert.Contains("Deleting a device group needs a request signed", unsigned.Message);
        Assert.Contains("waiting for an administrator's approval", (await Refused(tech, signed)).Reason);

        await Service().ApproveAsync(AccountKey, key.Id, default);
        await Service().RequireSignatureAsync(tech, SensitiveOperation.DeleteDeviceGroup, signed, [], default);

        Assert.Contains("already used", (await Refused(tech, signed)).Reason);
        Assert.Contains("names no signing key of yours", (await Refused(AgentCaller("agt_other", AgentRole.Administrator), Sign(key.Id))).Reason);
        Assert.Equal(Now, _keys.Single().LastUsedAt);

        await Service().RevokeAsync(AccountKey, key.Id, default);
        Assert.Contains("was revoked", (await Refused(tech, Sign(key.Id))).Reason);
    }

    [Fact]
    public async Task A_refused_signature_does_not_use_up_its_nonce()
    {
        var tech = AgentCaller("agt_tech", AgentRole.Technician);
        var key = await RegisteredAsync();
        var signed = Sign(key.Id, "nonce-kept-0123456789");

        await Refused(tech, signed);
        await Service().ApproveAsync(AccountKey, key.Id, default);
        await Service().RequireSignatureAsync(tech, SensitiveOperation.DeleteDeviceGroup, signed, [], default);
    }

    private HttpMessageParts Sign(string keyId, string? nonce = null)
    {
        _signer.KeyId = keyId;
        return _signer.Sign("DELETE", Uri, "Bearer x", [], Now, nonce: nonce);
    }

    private async Task<SignatureRequiredException> Refused(Caller caller, HttpMessageParts request) =>
        await Assert.ThrowsAsync<SignatureRequiredException>(() => Service().RequireSignatureAsync(caller, SensitiveOperation.DeleteDeviceGroup, request, [], default));

    public void Dispose() => _signer.Dispose();

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
