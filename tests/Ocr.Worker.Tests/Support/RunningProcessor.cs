using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using Ocr.Worker.Jobs;
using Ocr.Worker.Ocr;

namespace Ocr.Worker.Tests.Support;

/// <summary>An <see cref="OcrJobProcessor"/> on a real database until disposed.</summary>
internal sealed class RunningProcessor : IAsyncDisposable
{
    private readonly OcrJobProcessor _processor;

    private RunningProcessor(OcrJobProcessor processor, OcrJobSignal signal)
    {
        _processor = processor;
        Signal = signal;
    }

    public OcrJobSignal Signal { get; }

    /// <summary>Settings that keep tests quick: short polls and no wait between retries.</summary>
    public static OcrOptions FastOptions() => new()
    {
        PollInterval = TimeSpan.FromMilliseconds(200),
        RetryDelay = TimeSpan.Zero,
        LeaseDuration = TimeSpan.FromMinutes(1),
    };

    public static async Task<RunningProcessor> StartAsync(
        NpgsqlDataSource dataSource, OcrOptions? options = null)
    {
        var wrapped = Options.Create(options ?? FastOptions());
        var signal = new OcrJobSignal();
        var processor = new OcrJobProcessor(
            new DocumentQueue(dataSource), new OcrEngine(wrapped), signal, dataSource, wrapped,
            NullLogger<OcrJobProcessor>.Instance);

        await processor.StartAsync(CancellationToken.None);
        return new RunningProcessor(processor, signal);
    }

    public async ValueTask DisposeAsync()
    {
        await _processor.StopAsync(CancellationToken.None);
        _processor.Dispose();
    }
}
