using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Ocr.Worker.Tests.Support;

/// <summary>One log event as the worker wrote it, with its structured values.</summary>
internal sealed record CapturedLog(
    string Category, LogLevel Level, int EventId, string Message,
    IReadOnlyDictionary<string, object?> Values);

/// <summary>Keeps every log event of the worker under test, to check what reaches a log.</summary>
internal sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<CapturedLog> _events = new();

    public IReadOnlyList<CapturedLog> Events => [.. _events];

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _events);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<CapturedLog> events) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state,
            Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state as IEnumerable<KeyValuePair<string, object?>> ?? [];
            events.Enqueue(new CapturedLog(
                category,
                logLevel,
                eventId.Id,
                formatter(state, exception) + exception,
                values.ToDictionary(pair => pair.Key, pair => pair.Value)));
        }
    }
}
