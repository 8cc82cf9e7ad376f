using System.Collections.Concurrent;
using System.Diagnostics;

namespace Ocr.Worker.Tests.Support;

/// <summary>Watches ASP.NET Core's request spans to see what the endpoint tagged.</summary>
internal sealed class RequestSpans : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private readonly ConcurrentQueue<Activity> _stopped = new();
    private readonly ActivityListener _listener;

    public RequestSpans()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) =>
                ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    /// <summary>The server may stop the span just after the client has its response.</summary>
    public async Task WaitForSpanTaggedAsync(string tag, string value)
    {
        using var deadline = new CancellationTokenSource(Timeout);
        while (!_stopped.Any(span => Equals(span.GetTagItem(tag), value)))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20), deadline.Token);
        }
    }

    public void Dispose() => _listener.Dispose();
}
