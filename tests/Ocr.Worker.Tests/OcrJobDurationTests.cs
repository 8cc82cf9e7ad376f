using BlueRobin.Documents;
using Ocr.Worker.Tests.Support;

namespace Ocr.Worker.Tests;

/// <summary><c>Ocr:MaxJobDuration</c>: a slow document cannot hold the worker for long.</summary>
public sealed class OcrJobDurationTests(PostgresServerFixture postgres)
    : IClassFixture<PostgresServerFixture>
{
    private static readonly TimeSpan JobTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task ADocumentReadLongerThanTheLimitFailsForGoodWithTheLimitAsReason()
    {
        await using var database = await ArchiveDatabase.CreateAsync(postgres.Server);
        var options = RunningProcessor.FastOptions();
        options.MaxJobDuration = TimeSpan.FromSeconds(1);
        options.MaxAttempts = 3;
        // Six real pages take several seconds to render and read: many times the limit.
        var id = await database.InsertAsync(
            "multipage.pdf", TestData.Read("multipage.pdf"), DocumentStatus.Queued);

        await using var processor =
            await RunningProcessor.StartAsync(database.WorkerDataSource, options);
        var document = await database.WaitForFinalStatusAsync(id, JobTimeout);

        Assert.Equal(DocumentStatus.Failed, document.Status);
        Assert.Equal(
            "Reading the document took longer than the limit of 1 s; it was stopped.",
            document.FailureReason);
        Assert.Equal(1, document.Attempts);
        Assert.Null(document.Text);
    }

    [Fact]
    public async Task AToolStillRunningAtTheLimitIsStoppedWithItsChildren()
    {
        await using var database = await ArchiveDatabase.CreateAsync(postgres.Server);
        using var tools = HangingTesseract.Create();
        var options = RunningProcessor.FastOptions();
        options.ToolsPath = tools.Directory;
        options.MaxJobDuration = TimeSpan.FromSeconds(2);
        var id = await database.InsertAsync(
            "phototest.tif", TestData.Read("phototest.tif"), DocumentStatus.Queued);

        await using var processor =
            await RunningProcessor.StartAsync(database.WorkerDataSource, options);
        var processIds = await tools.WaitForProcessIdsAsync();
        var document = await database.WaitForFinalStatusAsync(id, JobTimeout);

        Assert.Equal(DocumentStatus.Failed, document.Status);
        Assert.Contains("took longer than the limit of 2 s", document.FailureReason);
        Assert.Equal(1, document.Attempts);
        Assert.All(processIds, processId => Assert.False(
            HangingTesseract.IsRunning(processId), $"Process {processId} still runs."));
    }
}
