using System.Collections.Concurrent;
using Tenancy.Core.Accounts;

namespace Tenancy.Core.Access;

/// <summary>
/// The agents this instance read lately (their row and reach), each under the account's access version it was read
/// after (R10). A request of the agent may use what is remembered only once that version, read during the request, is
/// found unchanged: every write of an agent's rows changes it, on every instance at once.
/// </summary>
public sealed class RememberedAgents
{
    /// <summary>Beyond this many keys the memory starts over: each agent then pays one read of its rows again.</summary>
    public const int MaxEntries = 10_000;

    private readonly ConcurrentDictionary<string, Remembered> _byKeyHash = new(StringComparer.Ordinal);

    public sealed record Remembered(string AccountId, string AgentId, string Version, AgentPrincipal Agent);

    /// <summary>What is remembered for the caller's key, whatever the version now.</summary>
    public Remembered? Find(Caller caller) =>
        _byKeyHash.TryGetValue(caller.KeyHash, out var found) && found.AccountId == caller.Account.Id && found.AgentId == caller.AgentId
            ? found : null;

    public void Remember(Caller caller, string version, AgentPrincipal agent)
    {
        if (_byKeyHash.Count >= MaxEntries) _byKeyHash.Clear();
        _byKeyHash[caller.KeyHash] = new Remembered(caller.Account.Id, agent.Id, version, agent);
    }

    public void Forget(string keyHash) => _byKeyHash.TryRemove(keyHash, out _);
}
