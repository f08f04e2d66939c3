using System.Collections.Concurrent;
using System.Diagnostics;

namespace Tenancy.Benchmarks;

/// <summary>
/// Counts the HTTP requests this process sends to storage, by service and kind (from the requests the SDK sends,
/// as <c>HttpClient</c> reports them to its diagnostic listener), so that a benchmark can print calls per item.
/// </summary>
public sealed class StorageCallCounter : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);
    private readonly IReadOnlyDictionary<int, string> _services;
    private readonly List<IDisposable> _subscriptions = [];
    private readonly IDisposable _all;

    /// <param name="services">The storage ports and what runs on each (e.g. table, queue).</param>
    public StorageCallCounter(IReadOnlyDictionary<int, string> services)
    {
        _services = services;
        _all = DiagnosticListener.AllListeners.Subscribe(this);
    }

    /// <summary>Calls by kind since the last reset, and clears them.</summary>
    public IReadOnlyDictionary<string, int> Take()
    {
        var taken = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var key in _counts.Keys)
            if (_counts.TryRemove(key, out var n)) taken[key] = n;
        return taken;
    }

    public void OnNext(DiagnosticListener listener)
    {
        if (listener.Name == "HttpHandlerDiagnosticListener")
            lock (_subscriptions) _subscriptions.Add(listener.Subscribe(this, name => name == "System.Net.Http.Request"));
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Key != "System.Net.Http.Request") return;
        if (value.Value?.GetType().GetProperty("Request")?.GetValue(value.Value) is not HttpRequestMessage { RequestUri: { } uri } request) return;
        if (!_services.TryGetValue(uri.Port, out var service)) return;
        _counts.AddOrUpdate($"{service} {Kind(service, request.Method, uri)}", 1, (_, n) => n + 1);
    }

    private static string Kind(string service, HttpMethod method, Uri uri)
    {
        var path = uri.AbsolutePath;
        if (service == "table")
        {
            if (path.EndsWith("$batch", StringComparison.Ordinal)) return "transaction";
            if (method == HttpMethod.Get) return path.Contains("(PartitionKey=", StringComparison.Ordinal) ? "point read" : "query";
            return method == HttpMethod.Post ? "insert" : method.Method.ToLowerInvariant();
        }
        if (service == "queue" && path.Contains("/messages", StringComparison.Ordinal))
            return method == HttpMethod.Get ? "receive" : method == HttpMethod.Post ? "send" : method == HttpMethod.Delete ? "delete" : "update";
        return $"{method.Method.ToLowerInvariant()} {uri.Query}";
    }

    public void OnCompleted() { }
    public void OnError(Exception error) { }

    public void Dispose()
    {
        _all.Dispose();
        lock (_subscriptions) _subscriptions.ForEach(s => s.Dispose());
    }
}
