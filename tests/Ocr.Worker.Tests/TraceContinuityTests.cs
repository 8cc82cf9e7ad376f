using BlueRobin.Documents;
using Ocr.Worker.Jobs;
using Ocr.Worker.Tests.Support;

namespace Ocr.Worker.Tests;

/// <summary>OCR runs after the upload's request has ended, yet shows in the upload's trace.</summary>
public sealed class TraceContinuityTests(PostgresServerFixture postgres)
    : IClassFixture<PostgresServerFixture>
{
    private static readonly TimeSpan JobTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task TheJobAndItsToolRunsJoinTheTraceOfTheAcceptance()
    {
        await using var database = await ArchiveDatabase.CreateAsync(postgres.Server);
        var id = await database.InsertAsync(
            "phototest.tif", TestData.Read("phototest.tif"), DocumentStatus.Received);

        // Started before the test's trace exists, as the worker's processor is in real life.
        await using var processor = await RunningProcessor.StartAsync(database.WorkerDataSource);
        using var spans = new SpanRecorder();
        var acceptance = await new DocumentQueue(database.WorkerDataSource)
            .AcceptAsync(id, "owner-sub", spans.TraceParent, CancellationToken.None);
        await database.WaitForFinalStatusAsync(id, JobTimeout);

        Assert.Equal(JobAcceptance.Queued, acceptance);
        Assert.Contains("ocr job", spans.SpanNames());
        Assert.Contains("tesseract", spans.ExecutablesRun());
    }
}
