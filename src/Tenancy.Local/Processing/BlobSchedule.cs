namespace Tenancy.Local.Processing;

/// <summary>
/// Decides which dropped blobs the local blob loop works on next, so that one account's failing or slow files do
/// not delay another's (the local stand-in for what Event Grid's per-event delivery gives in Azure):
/// <list type="bullet">
/// <item>at most one blob per account at a time, and at most <see cref="MaxConcurrent"/> accounts at once, taken
/// in turn: an account with a hundred files waits its turn like one with a single file;</item>
/// <item>a blob whose file stage fails is tried again after a growing delay (2, 4, 8, 16 s…), and after
/// <see cref="MaxAttempts"/> failures it is given up: its job ends <c>failed</c> with the reason.</item>
/// </list>
/// Not thread-safe: the blob loop is its only caller.
/// </summary>
public sealed class BlobSchedule(int maxConcurrent = BlobSchedule.DefaultMaxConcurrent, int maxAttempts = BlobSchedule.DefaultMaxAttempts)
{
    public const int DefaultMaxConcurrent = 4;
    public const int DefaultMaxAttempts = 5;
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromSeconds(2);

    private sealed record Attempts(string ETag, int Failures, DateTimeOffset NotBefore, string? LastError);

    private readonly Dictionary<string, string> _done = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Attempts> _failures = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _running = new(StringComparer.Ordinal); // account → blob
    private readonly Queue<string> _turns = new(); // accounts in the order they get their next turn

    public int MaxConcurrent { get; } = maxConcurrent;
    public int MaxAttempts { get; } = maxAttempts;

    /// <summary>A blob to work on: to process, or (after too many failures) to give up, saying why.</summary>
    public sealed record Work(string BlobName, string ETag, bool GiveUp, int Failures, string? LastError);

    /// <summary>The work to start now, given every blob currently listed (name and ETag) and the time.</summary>
    public IReadOnlyList<Work> Next(IEnumerable<(string Name, string ETag)> listed, DateTimeOffset now)
    {
        var pending = new Dictionary<string, List<(string Name, string ETag)>>(StringComparer.Ordinal);
        foreach (var blob in listed)
        {
            if (_done.TryGetValue(blob.Name, out var etag) && etag == blob.ETag) continue;
            var account = AccountOf(blob.Name);
            if (_running.ContainsKey(account)) continue;
            if (_failures.TryGetValue(blob.Name, out var failed) && failed.ETag == blob.ETag && failed.NotBefore > now) continue;
            if (!pending.TryGetValue(account, out var list)) pending[account] = list = [];
            list.Add(blob);
        }

        foreach (var account in pending.Keys.Where(a => !_turns.Contains(a)).Order(StringComparer.Ordinal))
            _turns.Enqueue(account);

        var work = new List<Work>();
        for (var n = _turns.Count; n > 0 && _running.Count < MaxConcurrent; n--)
        {
            var account = _turns.Dequeue();
            if (!pending.TryGetValue(account, out var blobs)) continue; // nothing to do: it gets a new turn when it has
            var (name, etag) = blobs[0];
            var failed = _failures.TryGetValue(name, out var f) && f.ETag == etag ? f : null;
            _running[account] = name;
            work.Add(new Work(name, etag, failed?.Failures >= MaxAttempts, failed?.Failures ?? 0, failed?.LastError));
            if (blobs.Count > 1) _turns.Enqueue(account); // its next file waits behind the other accounts
        }
        return work;
    }

    /// <summary>The work ended: done (processed or given up, <paramref name="error"/> null), or failed and to be tried again later.</summary>
    public void Finished(Work work, string? error, DateTimeOffset now)
    {
        _running.Remove(AccountOf(work.BlobName));
        if (error is null)
        {
            _done[work.BlobName] = work.ETag;
            _failures.Remove(work.BlobName);
            return;
        }
        var failures = work.Failures + 1;
        var delay = FirstRetryDelay * Math.Pow(2, Math.Min(failures, MaxAttempts) - 1);
        _failures[work.BlobName] = new Attempts(work.ETag, failures, now + delay, work.GiveUp ? work.LastError : error);
    }

    private static string AccountOf(string blobName)
    {
        var slash = blobName.IndexOf('/');
        return slash <= 0 ? "" : blobName[..slash];
    }
}
