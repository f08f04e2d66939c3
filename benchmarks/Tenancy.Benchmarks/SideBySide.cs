namespace Tenancy.Benchmarks;

/// <summary>
/// The headline figures of one run, per store setup, printed at the end as one table: each figure on the empty store
/// beside the same figure on the others, measured in the same run on the same machine, with their ratio.
/// </summary>
public sealed class SideBySide
{
    private readonly List<(string Figure, string Store, double Value)> _values = [];

    public void Add(string figure, StoreSetup store, double value)
    {
        lock (_values) _values.Add((figure, store.Name, value));
    }

    public void Print(TextWriter output)
    {
        var stores = _values.Select(v => v.Store).Distinct().ToList();
        if (stores.Count < 2) return;
        output.WriteLine();
        output.WriteLine("Side by side (same run):");
        output.WriteLine($"{"figure",-46} " + string.Join(" ", stores.Select(s => $"{s,18}")) + $" {"last/first",11}");
        foreach (var figure in _values.Select(v => v.Figure).Distinct())
        {
            var values = stores.Select(s => _values.Where(v => v.Figure == figure && v.Store == s).Select(v => (double?)v.Value).LastOrDefault()).ToList();
            var ratio = values[0] is > 0 && values[^1] is { } last ? $"{last / values[0]!.Value,11:F2}" : $"{"",11}";
            output.WriteLine($"{figure,-46} " + string.Join(" ", values.Select(v => v is { } x ? $"{x,18:F2}" : $"{"-",18}")) + " " + ratio);
        }
    }
}
