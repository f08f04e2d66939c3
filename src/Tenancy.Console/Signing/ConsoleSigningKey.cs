namespace Tenancy.WebConsole.Signing;

/// <summary>Where this browser's signing key stands for the signed-in agent.</summary>
public enum ConsoleKeyStatus
{
    /// <summary>Not an agent (the account key signs nothing), or not looked at yet.</summary>
    None,
    Registering,
    Pending,
    Approved,
    /// <summary>Revoked, or no longer known to the API: a new key is needed.</summary>
    Revoked,
    /// <summary>The browser has no WebCrypto or IndexedDB.</summary>
    Unsupported,
    /// <summary>Registration failed; <see cref="ConsoleSigningKey.Problem"/> says why.</summary>
    Failed,
}

/// <summary>
/// This browser's signing key for the signed-in agent, as <see cref="SigningKeyEnrolment"/> last saw it: the signing
/// handler reads it to sign, the banner and the Signing keys page show it.
/// </summary>
public sealed class ConsoleSigningKey
{
    public ConsoleKeyStatus Status { get; private set; }
    public string? Slot { get; private set; }
    public string? KeyId { get; private set; }
    public string? Fingerprint { get; private set; }
    public Api.ApiProblem? Problem { get; private set; }

    public event Action? Changed;

    public void Set(ConsoleKeyStatus status, string? slot = null, string? keyId = null, string? fingerprint = null, Api.ApiProblem? problem = null)
    {
        (Status, Slot, KeyId, Fingerprint, Problem) = (status, slot, keyId, fingerprint, problem);
        Changed?.Invoke();
    }

    public void Clear() => Set(ConsoleKeyStatus.None);
}
