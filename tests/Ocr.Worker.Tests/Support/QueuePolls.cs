using System.Diagnostics;
using Npgsql;

namespace Ocr.Worker.Tests.Support;

/// <summary>
/// Counts the worker's claim queries on one database, seen as Npgsql's command spans, so a
/// test can wait for polls to happen instead of sleeping through them.
/// </summary>
internal sealed class QueuePolls : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private readonly ActivityListener _listener;
    private readonly string _database;
    private int _count;

    public QueuePolls(string connectionString)
    {
        _database = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) =>
                ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = Record,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public int Count => Volatile.Read(ref _count);

    /// <summary>Waits until <paramref name="polls"/> more claim queries have run.</summary>
    public async Task WaitForMoreAsync(int polls)
    {
        var target = Count + polls;
        using var deadline = new CancellationTokenSource(Timeout);
        while (Count < target)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20), deadline.Token);
        }
    }

    public void Dispose() => _listener.Dispose();

    private void Record(Activity span)
    {
        var tags = span.TagObjects.Select(tag => tag.Value as string).OfType<string>().ToList();
        if (tags.Contains(_database) && tags.Any(tag => tag.Contains("SKIP LOCKED")))
        {
            Interlocked.Increment(ref _count);
        }
    }
}
