using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace BlueRobin.ServiceDefaults.Tests.WorkloadIdentity;

/// <summary>One structured log event: where it came from, its id and its named values.</summary>
public sealed record LoggedEvent(
    string Category, EventId EventId, IReadOnlyDictionary<string, object?> Values);

/// <summary>Keeps every structured log event so that a test can assert on it.</summary>
public sealed class RecordingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<LoggedEvent> _events = new();

    public IReadOnlyList<LoggedEvent> Events => [.. _events];

    public ILogger CreateLogger(string categoryName) => new RecordingLogger(categoryName, _events);

    public void Dispose()
    {
    }

    private sealed class RecordingLogger(string category, ConcurrentQueue<LoggedEvent> events)
        : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state,
            Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? pairs.ToDictionary(pair => pair.Key, pair => pair.Value)
                : new Dictionary<string, object?>();
            events.Enqueue(new LoggedEvent(category, eventId, values));
        }
    }
}
