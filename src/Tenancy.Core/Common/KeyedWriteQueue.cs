namespace Tenancy.Core.Common;

/// <summary>
/// Runs the writes of one key (a tenant) one after another within this instance, in arrival order; writes of other
/// keys run side by side. Writers of one instance then never lose optimistic-concurrency races to each other, so
/// <see cref="ConcurrencyRetry"/> only has to absorb races with other instances.
/// </summary>
public sealed class KeyedWriteQueue
{
    private readonly Dictionary<string, Slot> _slots = new(StringComparer.Ordinal);

    public async Task<T> RunAsync<T>(string key, Func<Task<T>> write, CancellationToken cancellationToken)
    {
        Slot slot;
        lock (_slots)
        {
            if (!_slots.TryGetValue(key, out slot!)) _slots[key] = slot = new Slot();
            slot.Users++;
        }
        try
        {
            await slot.Turn.WaitAsync(cancellationToken);
            try
            {
                return await write();
            }
            finally
            {
                slot.Turn.Release();
            }
        }
        finally
        {
            lock (_slots)
            {
                if (--slot.Users == 0) _slots.Remove(key);
            }
        }
    }

    /// <summary>How many keys have a write running or waiting (zero when idle: no key is kept once its writes end).</summary>
    public int ActiveKeys
    {
        get { lock (_slots) return _slots.Count; }
    }

    private sealed class Slot
    {
        public readonly SemaphoreSlim Turn = new(1, 1);
        public int Users;
    }
}
