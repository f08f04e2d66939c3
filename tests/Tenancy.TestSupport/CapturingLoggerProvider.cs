using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Tenancy.TestSupport;

/// <summary>One captured log line: its text, its exception, and the values of every scope around it.</summary>
public sealed record CapturedLog(string Category, LogLevel Level, string Message, string? Exception, IReadOnlyDictionary<string, string> Scopes)
{
    /// <summary>Everything a log sink would write for this line.</summary>
    public string AllText => string.Join("\n", [Category, Message, Exception ?? "", .. Scopes.Select(s => $"{s.Key}={s.Value}")]);
}

/// <summary>A logger provider that keeps every line with its scopes, for tests of what the hosts log.</summary>
public sealed class CapturingLoggerProvider : ILoggerProvider, ISupportExternalScope
{
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public ConcurrentQueue<CapturedLog> Logs { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Logger(CapturingLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => provider._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var scopes = new Dictionary<string, string>();
            provider._scopes.ForEachScope((scope, values) =>
            {
                if (scope is IEnumerable<KeyValuePair<string, object>> pairs)
                    foreach (var pair in pairs) values[pair.Key] = pair.Value?.ToString() ?? "";
                else if (scope is not null)
                    values[$"scope{values.Count}"] = scope.ToString() ?? "";
            }, scopes);
            if (state is IEnumerable<KeyValuePair<string, object?>> fields)
                foreach (var field in fields) scopes.TryAdd("field:" + field.Key, field.Value?.ToString() ?? "");
            provider.Logs.Enqueue(new CapturedLog(category, logLevel, formatter(state, exception), exception?.ToString(), scopes));
        }
    }
}
