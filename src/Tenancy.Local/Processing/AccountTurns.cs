namespace Tenancy.Local.Processing;

/// <summary>
/// Hands out waiting work account by account, the least busy first, with at most <paramref name="maxRunning"/> items running in
/// all and <paramref name="maxRunningPerAccount"/> per account, so that a burst of one account's slow messages
/// takes some of the consumer's slots, never all of them: another account's message starts at the next free slot.
/// Not thread-safe: its owner locks.
/// </summary>
public sealed class AccountTurns<T>(int maxRunning, int maxRunningPerAccount)
{
    private readonly Dictionary<string, Queue<T>> _waiting = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _running = new(StringComparer.Ordinal);
    private readonly List<string> _turns = []; // accounts with work waiting, in the order of their turns

    public int Running { get; private set; }
    public int Waiting { get; private set; }

    public void Add(string account, T item)
    {
        if (!_waiting.TryGetValue(account, out var queue))
        {
            _waiting[account] = queue = new Queue<T>();
            _turns.Add(account);
        }
        queue.Enqueue(item);
        Waiting++;
    }

    /// <summary>
    /// The next item to start, if a slot is free: from the account with the fewest items running (the first in turn
    /// among equals), so that an account that just arrived goes before one that already holds slots.
    /// </summary>
    public bool TryStart(out string account, out T item)
    {
        var started = TryStartBatch(1, out account, out var items);
        item = started ? items[0] : default!;
        return started;
    }

    /// <summary>
    /// As <see cref="TryStart"/>, up to <paramref name="max"/> waiting items of that one account at once, as many as
    /// its limit and the consumer's leave room for; each counts as running until <see cref="Finished"/>.
    /// </summary>
    public bool TryStartBatch(int max, out string account, out List<T> items)
    {
        account = "";
        items = [];
        if (Running >= maxRunning) return false;
        var best = -1;
        for (var i = 0; i < _turns.Count; i++)
        {
            var running = _running.GetValueOrDefault(_turns[i]);
            if (running < maxRunningPerAccount && (best < 0 || running < _running.GetValueOrDefault(_turns[best]))) best = i;
        }
        if (best < 0) return false;

        account = _turns[best];
        _turns.RemoveAt(best);
        var queue = _waiting[account];
        var count = Math.Min(Math.Min(max, queue.Count), Math.Min(maxRunningPerAccount - _running.GetValueOrDefault(account), maxRunning - Running));
        for (var i = 0; i < count; i++) items.Add(queue.Dequeue());
        Waiting -= count;
        _running[account] = _running.GetValueOrDefault(account) + count;
        Running += count;
        if (queue.Count > 0) _turns.Add(account);
        else _waiting.Remove(account);
        return true;
    }

    public bool IsRunning(string account) => _running.ContainsKey(account);

    public void Finished(string account, int count = 1)
    {
        if ((_running[account] -= count) == 0) _running.Remove(account);
        Running -= count;
    }
}
