using Microsoft.Extensions.Logging;
using Ocr.Worker.Tests.Support;

namespace Ocr.Worker.Tests;

/// <summary>A worker with nothing to do stays quiet, so its logs show what happened.</summary>
public sealed class IdleWorkerLogTests(OcrWorkerFixture worker)
    : IClassFixture<OcrWorkerFixture>
{
    [Fact]
    public async Task AnIdleWorkerLogsNothingAtInformationWhilePolling()
    {
        using var polls = new QueuePolls(worker.Database.ConnectionString);
        await polls.WaitForMoreAsync(1);
        var before = worker.Logs.Events.Count;

        await polls.WaitForMoreAsync(3);

        var periodic = worker.Logs.Events.Skip(before)
            .Where(log => log.Level >= LogLevel.Information)
            .Select(log => $"{log.Category} ({log.Level}): {log.Message}")
            .ToList();
        Assert.True(periodic.Count == 0, string.Join('\n', periodic));
    }
}
