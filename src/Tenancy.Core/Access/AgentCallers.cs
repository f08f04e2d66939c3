using System.Runtime.ExceptionServices;
using Tenancy.Core.Accounts;

namespace Tenancy.Core.Access;

/// <summary>
/// Completes an agent's caller with its row and reach as they stand during its request (R10), so that a deleted agent, a
/// rotated key or a removed grant counts from the very next request, on every instance. Each request reads the account's
/// access version (<see cref="IAccessStore.ReadVersionAsync"/>, one point read), which every write of an agent's rows
/// changes in the same transaction; the agent's rows themselves (one range query) are read only when that version is not
/// the one this instance remembers them under (<see cref="RememberedAgents"/>).
/// </summary>
public sealed class AgentCallers(IAccessStore store)
{
    private readonly RememberedAgents _remembered = new();

    /// <summary>The caller with its agent as it is now; throws <see cref="KeyRevokedException"/> when the agent or its key is gone.</summary>
    public async Task<Caller> ResolveAsync(Caller caller, CancellationToken cancellationToken)
    {
        if (caller.AgentId is null) return caller;
        // The version before the rows: rows remembered under a version are never older than it, so a write that lands
        // between the two reads only makes the next request read the rows again.
        var version = await store.ReadVersionAsync(caller.Account.Id, cancellationToken);
        var known = _remembered.Find(caller);
        if (known is not null && known.Version == version) return caller with { Agent = known.Agent };

        var read = await store.ReadAgentAsync(caller.Account.Id, caller.AgentId, cancellationToken);
        // A person's token stands for the agent only while the agent names that identity (unlinked: refused at once).
        var current = caller.Identity is null ? read?.Agent.KeyHash : read?.Agent.Identity?.KeyHash;
        if (read is null || current != caller.KeyHash)
        {
            _remembered.Forget(caller.KeyHash);
            throw new KeyRevokedException(caller.KeyHash);
        }
        var agent = new AgentPrincipal(read.Agent.Id, read.Agent.Name, read.Agent.Role, read.Reach);
        // A change elsewhere in the account leaves this agent as it was: the instance already in use stands for it.
        if (known is not null && known.Agent.SameAs(agent)) agent = known.Agent;
        _remembered.Remember(caller, version, agent);
        return caller with { Agent = agent };
    }

    /// <summary>
    /// Runs <paramref name="work"/> as the caller, its agent as it is now. A read (<paramref name="readOnly"/>: it changes
    /// nothing a caller can see) of an agent this instance remembers starts at once with the remembered agent, side by
    /// side with <see cref="ResolveAsync"/>; its outcome (answer or refusal) is delivered only once the remembered agent
    /// proved current, else the read is done again with the agent as read now. Anything else waits for the agent first.
    /// </summary>
    public async Task<T> RunAsync<T>(Caller caller, bool readOnly, Func<Caller, Task<T>> work, CancellationToken cancellationToken)
    {
        if (caller.AgentId is null) return await work(caller);
        if (!readOnly || _remembered.Find(caller) is not { } known) return await work(await ResolveAsync(caller, cancellationToken));

        // The work first: its storage call goes out first, and the caller's is the longer of the two.
        var early = OutcomeOf(() => work(caller with { Agent = known.Agent }));
        var resolving = ResolveAsync(caller, cancellationToken);
        var outcome = await early;
        var current = await resolving;
        return ReferenceEquals(current.Agent, known.Agent) ? outcome.Deliver() : await work(current);
    }

    private static async Task<Outcome<T>> OutcomeOf<T>(Func<Task<T>> work)
    {
        try
        {
            return new Outcome<T>(await work(), null);
        }
        catch (Exception ex)
        {
            return new Outcome<T>(default, ExceptionDispatchInfo.Capture(ex));
        }
    }

    private sealed record Outcome<T>(T? Value, ExceptionDispatchInfo? Error)
    {
        public T Deliver()
        {
            Error?.Throw();
            return Value!;
        }
    }
}
