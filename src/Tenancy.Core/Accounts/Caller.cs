namespace Tenancy.Core.Accounts;

/// <summary>
/// Who sends a request: the account, the hash of the key it presented, and for an agent's key the agent's id
/// (<see cref="AgentId"/>, from the key index) and, once the request has read it, the agent itself (<see cref="Agent"/>:
/// name, role, reach). No agent: the account key, the owner. A person signed in with a work account (R14) is the agent
/// their identity is linked to: <see cref="Identity"/> is set, and <see cref="KeyHash"/> stands for it
/// (<see cref="Identity.PersonIdentity.KeyHash"/>).
/// </summary>
public sealed record Caller(Account Account, string KeyHash, string? AgentId = null, Access.AgentPrincipal? Agent = null,
    Identity.PersonIdentity? Identity = null)
{
    public bool IsAgent => AgentId is not null;
}

/// <summary>
/// The caller of the request that is running, for the storage adapter: it makes every write transaction of the
/// request check that the caller's key still exists (<see cref="KeyRevokedException"/> when it does not). Flows with
/// the request's async calls (an <see cref="AsyncLocal{T}"/>, as <c>Activity.Current</c> does), so that the stores do
/// not take the caller as a parameter of every method; message handlers run with no caller, hence no check.
/// </summary>
public static class CallerScope
{
    private static readonly AsyncLocal<Caller?> CurrentCaller = new();

    public static Caller? Current => CurrentCaller.Value;

    public static IDisposable Enter(Caller caller)
    {
        var previous = CurrentCaller.Value;
        CurrentCaller.Value = caller;
        return new Exit(previous);
    }

    private sealed class Exit(Caller? previous) : IDisposable
    {
        public void Dispose() => CurrentCaller.Value = previous;
    }
}

/// <summary>The caller's key was deleted or rotated since it was authenticated: the request is refused with 401.</summary>
public sealed class KeyRevokedException(string keyHash) : Common.TenancyException("The API key is not valid.")
{
    public string KeyHash { get; } = keyHash;
}

/// <summary>Checks, with one storage call, that the caller's key still exists: for writes that no table transaction carries (an upload).</summary>
public interface ICallerKeyCheck
{
    Task EnsureCurrentAsync(CancellationToken cancellationToken);
}
