using System.Diagnostics;
using Microsoft.Extensions.Hosting;

namespace Ocr.Worker.Tests.Support;

/// <summary>
/// Records the worker's spans that belong to one test: it opens a root span, and every
/// BlueRobin span in the same trace is kept, so tests running in parallel do not mix.
/// </summary>
internal sealed class SpanRecorder : IDisposable
{
    private static readonly ActivitySource TestSource = new("BlueRobin.Tests");

    private readonly ActivityListener _listener;
    private readonly Activity _root;
    private readonly List<Activity> _spans = [];

    public SpanRecorder()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is ServiceDefaultsExtensions.ActivitySourceName
                or "BlueRobin.Tests",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) =>
                ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = Record,
        };
        ActivitySource.AddActivityListener(_listener);
        _root = TestSource.StartActivity("test")!;
    }

    public IReadOnlyList<string> ExecutablesRun()
    {
        lock (_spans)
        {
            return _spans
                .Select(span => span.GetTagItem("process.executable.name") as string)
                .OfType<string>()
                .ToList();
        }
    }

    /// <summary>The trace every recorded span belongs to.</summary>
    public ActivityTraceId TraceId => _root.TraceId;

    /// <summary>The W3C <c>traceparent</c> of the test's root span.</summary>
    public string TraceParent => _root.Id!;

    public IReadOnlyList<string> SpanNames()
    {
        lock (_spans)
        {
            return _spans.Select(span => span.DisplayName).ToList();
        }
    }

    public void Dispose()
    {
        _root.Dispose();
        _listener.Dispose();
    }

    private void Record(Activity activity)
    {
        if (activity.TraceId != _root.TraceId)
        {
            return;
        }

        lock (_spans)
        {
            _spans.Add(activity);
        }
    }
}
