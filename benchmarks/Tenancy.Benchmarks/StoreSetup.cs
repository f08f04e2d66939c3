namespace Tenancy.Benchmarks;

/// <summary>
/// The store a benchmark runs on: empty (a fresh Azurite) or filled first by <see cref="StoreFiller"/>, and optionally
/// with a fixed delay on every storage call (<see cref="StorageDelayPolicy"/>), as Azure's network adds one; Azurite
/// keeps its data in memory, or on disk as the local host's does (<c>--on-disk</c>: its table file saved every 5 s).
/// </summary>
public sealed record StoreSetup(bool Filled, TimeSpan StorageDelay, bool OnDisk = false)
{
    public static readonly StoreSetup Empty = new(false, TimeSpan.Zero);

    public string Name => (Filled ? "filled" : "empty") + (StorageDelay > TimeSpan.Zero ? $" +{StorageDelay.TotalMilliseconds:F0} ms/call" : "");

    /// <summary>
    /// The setups a run measures side by side: the empty store always, the filled one too with <c>--filled</c>; with
    /// <c>--storage-delay-ms=N</c>, each of those again with the delay.
    /// </summary>
    public static IReadOnlyList<StoreSetup> FromOptions(IReadOnlyList<string> options)
    {
        var delay = options.Select(o => o.StartsWith("--storage-delay-ms=", StringComparison.Ordinal) ? int.Parse(o["--storage-delay-ms=".Length..]) : 0).Max();
        var stores = options.Contains("--filled") ? new[] { false, true } : [false];
        var delays = delay > 0 ? new[] { TimeSpan.Zero, TimeSpan.FromMilliseconds(delay) } : [TimeSpan.Zero];
        var onDisk = options.Contains("--on-disk");
        return [.. stores.SelectMany(filled => delays.Select(d => new StoreSetup(filled, d, onDisk)))];
    }
}
