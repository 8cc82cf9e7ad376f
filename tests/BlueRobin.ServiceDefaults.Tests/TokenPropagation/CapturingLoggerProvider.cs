using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace BlueRobin.ServiceDefaults.Tests.TokenPropagation;

/// <summary>
/// Keeps every log entry, at every level, as the text a sink could write: the message, each
/// structured value, each scope value and the exception.
/// </summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider
{
    public ConcurrentQueue<CapturedLog> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class CapturingLogger(CapturingLoggerProvider provider, string category)
        : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull
        {
            provider.Entries.Enqueue(new CapturedLog(category, LogLevel.None, Describe(state)));
            return null;
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(
            LogLevel logLevel, EventId eventId, TState state, Exception? exception,
            Func<TState, Exception?, string> formatter)
        {
            var text = $"{formatter(state, exception)} | {Describe(state)} | {exception}";
            provider.Entries.Enqueue(new CapturedLog(category, logLevel, text));
        }

        private static string Describe(object? state) =>
            state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? string.Join("; ", pairs.Select(pair => $"{pair.Key}={pair.Value}"))
                : state?.ToString() ?? "";
    }
}

internal sealed record CapturedLog(string Category, LogLevel Level, string Text);
