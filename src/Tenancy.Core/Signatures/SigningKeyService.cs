using Tenancy.Core.Access;
using Tenancy.Core.Accounts;
using Tenancy.Core.Audit;
using Tenancy.Core.Common;

namespace Tenancy.Core.Signatures;

/// <summary>
/// Agents' signing keys and the check of sensitive requests. An agent registers its own keys (pending); the account
/// key or an administrator other than the key's agent approves them; the account key, an administrator or the
/// key's own agent revokes them. A sensitive operation by an agent (<see cref="SensitiveOperation"/>) passes only
/// with a request signed by an approved key of that agent (<see cref="RequireSignatureAsync"/>).
/// </summary>
public sealed class SigningKeyService(ISigningKeyStore store, IAccessStore agents, TimeProvider clock)
{
    /// <summary>How often a key's last use is written: a busy key does not write its row on every request.</summary>
    public static readonly TimeSpan LastUsedPrecision = TimeSpan.FromMinutes(1);

    public async Task<(SigningKey Key, bool Created)> RegisterAsync(Caller caller, string agentId, string? name, string? publicKeyJwk, CancellationToken cancellationToken)
    {
        if (caller.AgentId != agentId)
        {
            await RequireAgentAsync(caller, agentId, cancellationToken);
            throw new ForbiddenException("An agent registers its own signing keys, with its own API key, so that the private key never leaves its device.");
        }
        var errors = new FieldErrors();
        var cleanName = TextRules.Clean(name);
        if (cleanName is null) errors.Add("name", "A name is required, e.g. the device the key lives on.");
        TextRules.MaxLength(errors, "name", cleanName, SigningKey.MaxNameLength);
        TextRules.NoControlCharacters(errors, "name", cleanName, allowNewLines: false);
        SigningPublicKey? publicKey = null;
        if (string.IsNullOrWhiteSpace(publicKeyJwk)) errors.Add("publicKey", "A public key (JWK, EC P-256) is required.");
        else
        {
            try
            {
                publicKey = SigningPublicKey.FromJwk(publicKeyJwk);
            }
            catch (InvalidSigningKeyException e)
            {
                errors.Add("publicKey", e.Message);
            }
        }
        errors.ThrowIfAny();

        var live = (await store.ListForAgentAsync(caller.Account.Id, agentId, cancellationToken)).Where(k => k.Status != SigningKeyStatus.Revoked).ToList();
        // Registering the same public key again (a retried request) answers the key it made.
        if (live.FirstOrDefault(k => k.Fingerprint == publicKey!.Fingerprint) is { } existing) return (existing, false);
        if (live.Count >= SigningKey.MaxLiveKeysPerAgent)
            throw ValidationException.For("publicKey", $"An agent holds at most {SigningKey.MaxLiveKeysPerAgent} signing keys that are not revoked: revoke one first.");

        var key = new SigningKey(Ids.New("sk"), agentId, cleanName!, publicKey!.ToJwk(), publicKey.Fingerprint, SigningKeyStatus.Pending, clock.GetUtcNow());
        await store.CreateAsync(caller.Account.Id, key, cancellationToken,
            AuditEntry.Of(key.CreatedAt, AuditActions.SigningKeyRegistered, AuditTargets.SigningKey, key.Id, null, key));
        return (key, true);
    }

    /// <summary>An agent's keys, for itself, the account key or an administrator.</summary>
    public async Task<IReadOnlyList<SigningKey>> ListAsync(Caller caller, string agentId, CancellationToken cancellationToken)
    {
        if (caller.AgentId != agentId)
        {
            await RequireAgentAsync(caller, agentId, cancellationToken);
            RequireAdministrator(caller, "Only the agent itself, an administrator or the account key sees an agent's signing keys.");
        }
        return (await store.ListForAgentAsync(caller.Account.Id, agentId, cancellationToken)).OrderBy(k => k.CreatedAt).ToList();
    }

    public Task<SigningKey> ApproveAsync(Caller caller, string keyId, CancellationToken cancellationToken) =>
        ConcurrencyRetry.RunAsync(async () =>
        {
            var key = await FindAsync(caller, keyId, cancellationToken);
            RequireAdministrator(caller, "Only an administrator or the account key approves signing keys.");
            if (key.AgentId == caller.AgentId)
                throw new ForbiddenException("Nobody approves their own signing key: ask another administrator, or use the account key.");
            return key.Status switch
            {
                SigningKeyStatus.Approved => key,
                SigningKeyStatus.Revoked => throw new ConflictException($"Signing key '{keyId}' was revoked; a revoked key cannot be approved. Register a new one.", "signing-key-revoked"),
                _ => await ApproveAsync(caller.Account.Id, key,
                    key with { Status = SigningKeyStatus.Approved, ApprovedBy = caller.AgentId ?? "account", ApprovedAt = clock.GetUtcNow() }, cancellationToken),
            };
        }, cancellationToken);

    public Task RevokeAsync(Caller caller, string keyId, CancellationToken cancellationToken) => RevokeAsync(caller, keyId, null, cancellationToken);

    /// <param name="othersKey">
    /// Asked once, before anything changes, when the key is another agent's: revoking it is sensitive, since a stolen
    /// administrator key could otherwise lock every other administrator out of the sensitive operations.
    /// </param>
    public async Task RevokeAsync(Caller caller, string keyId, Func<Task>? othersKey, CancellationToken cancellationToken)
    {
        if (othersKey is not null && caller.IsAgent && (await FindAsync(caller, keyId, cancellationToken)).AgentId != caller.AgentId) await othersKey();
        await RevokeOnceAsync(caller, keyId, cancellationToken);
    }

    private Task RevokeOnceAsync(Caller caller, string keyId, CancellationToken cancellationToken) =>
        ConcurrencyRetry.RunAsync(async () =>
        {
            var key = await FindAsync(caller, keyId, cancellationToken);
            if (key.AgentId != caller.AgentId)
                RequireAdministrator(caller, "Only the key's agent, an administrator or the account key revokes a signing key.");
            if (key.Status == SigningKeyStatus.Revoked) return key;
            var revoked = key with { Status = SigningKeyStatus.Revoked, RevokedAt = clock.GetUtcNow() };
            return await store.ReplaceAsync(caller.Account.Id, revoked, cancellationToken,
                AuditEntry.Of(revoked.RevokedAt!.Value, AuditActions.SigningKeyRevoked, AuditTargets.SigningKey, keyId, key, revoked));
        }, cancellationToken);

    private Task<SigningKey> ApproveAsync(string accountId, SigningKey key, SigningKey approved, CancellationToken cancellationToken) =>
        store.ReplaceAsync(accountId, approved, cancellationToken,
            AuditEntry.Of(approved.ApprovedAt!.Value, AuditActions.SigningKeyApproved, AuditTargets.SigningKey, key.Id, key, approved));

    /// <summary>
    /// Lets a sensitive operation through: at once for the account key (and for no caller, the system); for an agent
    /// only with a valid, fresh, unreplayed signature of one of its approved keys. Otherwise throws
    /// <see cref="SignatureRequiredException"/> naming the operation and what is wrong; nothing is recorded then,
    /// so a refused request does not burn its nonce.
    /// </summary>
    public async Task RequireSignatureAsync(Caller? caller, SensitiveOperation operation, HttpMessageParts request, byte[] body, CancellationToken cancellationToken)
    {
        if (caller?.AgentId is not { } agentId) return;
        var now = clock.GetUtcNow();
        try
        {
            var signature = RequestSignature.Read(request, body, now);
            var key = await store.FindAsync(caller.Account.Id, signature.KeyId, cancellationToken);
            if (key is null || key.AgentId != agentId)
                throw new SignatureRefusedException($"The keyid '{signature.KeyId}' names no signing key of yours.");
            if (key.Status == SigningKeyStatus.Pending)
                throw new SignatureRefusedException($"Signing key '{key.Id}' is waiting for an administrator's approval.");
            if (key.Status == SigningKeyStatus.Revoked)
                throw new SignatureRefusedException($"Signing key '{key.Id}' was revoked.");
            signature.Verify(SigningPublicKey.FromJwk(key.PublicKeyJwk));
            if (!await store.TryUseNonceAsync(caller.Account.Id, key.Id, signature.Nonce, signature.Expires + RequestSignature.ClockSkew, cancellationToken))
                throw new SignatureRefusedException("This signature was already used (its nonce was seen before): sign each request anew.");
            await NoteUseAsync(caller.Account.Id, key, now, cancellationToken);
        }
        catch (SignatureRefusedException e)
        {
            throw new SignatureRequiredException(operation, e.Unsigned ? $"{e.Message} {await KeysAdviceAsync(caller.Account.Id, agentId, cancellationToken)}" : e.Message);
        }
    }

    /// <summary>What an agent whose request was not signed can do: sign with its approved key, wait for approval, or register one.</summary>
    private async Task<string> KeysAdviceAsync(string accountId, string agentId, CancellationToken cancellationToken)
    {
        var keys = await store.ListForAgentAsync(accountId, agentId, cancellationToken);
        if (keys.FirstOrDefault(k => k.Status == SigningKeyStatus.Approved) is { } approved)
            return $"Sign it with your approved key '{approved.Id}'.";
        if (keys.FirstOrDefault(k => k.Status == SigningKeyStatus.Pending) is { } pending)
            return $"Your signing key '{pending.Id}' is waiting for an administrator's approval.";
        return $"You have no approved signing key: register one (POST /api/agents/{agentId}/signing-keys) and have an administrator approve it.";
    }

    private async Task NoteUseAsync(string accountId, SigningKey key, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (key.LastUsedAt is { } last && now - last < LastUsedPrecision) return;
        try
        {
            await store.ReplaceAsync(accountId, key with { LastUsedAt = now }, cancellationToken);
        }
        catch (ConcurrencyException)
        {
            // Someone else wrote the key meanwhile (another use, an approval, a revocation): their write stands.
        }
    }

    private async Task<SigningKey> FindAsync(Caller caller, string keyId, CancellationToken cancellationToken)
    {
        var key = await store.FindAsync(caller.Account.Id, keyId, cancellationToken);
        // A technician sees only its own keys: another agent's key id is not found, like one that does not exist.
        if (key is null || (caller.Agent is { Role: AgentRole.Technician } && key.AgentId != caller.AgentId))
            throw new NotFoundException($"Signing key '{keyId}' was not found.");
        return key;
    }

    private async Task RequireAgentAsync(Caller caller, string agentId, CancellationToken cancellationToken)
    {
        if (caller.Agent is { Role: AgentRole.Technician } || await agents.ReadAgentAsync(caller.Account.Id, agentId, cancellationToken) is null)
            throw new NotFoundException($"Agent '{agentId}' was not found.");
    }

    private static void RequireAdministrator(Caller caller, string message)
    {
        if (caller.Agent is { Role: not AgentRole.Administrator }) throw new ForbiddenException(message);
    }
}

/// <summary>A sensitive operation by an agent without a valid signature: 403 <c>urn:tenancy:problem:signature-required</c>.</summary>
public sealed class SignatureRequiredException(SensitiveOperation operation, string reason)
    : TenancyException($"{Capitalised(SensitiveOperations.Descriptions[operation])} needs a request signed with one of your approved signing keys (RFC 9421): {reason}")
{
    public SensitiveOperation Operation { get; } = operation;
    public string Reason { get; } = reason;

    private static string Capitalised(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}
