using System.Threading.Channels;

namespace Ocr.Worker.Jobs;

/// <summary>
/// Wakes the processor when the endpoint queues a job, so that work starts at once instead
/// of at the next poll. Signals coalesce: one pending wake-up covers any number of jobs.
/// </summary>
public sealed class OcrJobSignal
{
    private readonly Channel<bool> _channel = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Notify() => _channel.Writer.TryWrite(true);

    /// <summary>Returns when signalled or after <paramref name="timeout"/>.</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(timeout);

        // The timeout is the poll: reaching it is the normal way this wait ends.
        Task signalled = _channel.Reader.WaitToReadAsync(wait.Token).AsTask();
        await signalled.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _channel.Reader.TryRead(out _);
        cancellationToken.ThrowIfCancellationRequested();
    }
}
