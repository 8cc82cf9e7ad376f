using BlueRobin.Documents;
using BlueRobin.Testing;
using Ocr.Worker.Tests.Support;

namespace Ocr.Worker.Tests;

/// <summary>The queue when PostgreSQL goes away under it; each test owns its server.</summary>
public sealed class OcrJobProcessorOutageTests
{
    private static readonly TimeSpan JobTimeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task JobsStillFinishWhenPostgresRestartsUnderTheProcessor()
    {
        await using var server = await TemporaryPostgres.StartAsync();
        await using var database = await ArchiveDatabase.CreateAsync(server);
        var options = RunningProcessor.FastOptions();
        options.LeaseDuration = TimeSpan.FromSeconds(3);
        var before = await database.InsertAsync(
            "before.pdf", TestData.Read("c02-22.pdf"), DocumentStatus.Queued);

        await using var processor =
            await RunningProcessor.StartAsync(database.WorkerDataSource, options);
        await WaitForStatusAsync(database, before, DocumentStatus.Processing);
        await server.RestartAsync();
        var after = await database.InsertAsync(
            "after.tif", TestData.Read("phototest.tif"), DocumentStatus.Queued);
        processor.Signal.Notify();

        var first = await database.WaitForFinalStatusAsync(before, JobTimeout);
        var second = await database.WaitForFinalStatusAsync(after, JobTimeout);
        Assert.Equal(DocumentStatus.Done, first.Status);
        Assert.Contains("kitchen", first.Text);
        Assert.Equal(DocumentStatus.Done, second.Status);
        Assert.Contains("quick brown dog", second.Text);
    }

    [Fact]
    public async Task TheProcessorWaitsForPostgresThatIsDownWhenItStarts()
    {
        await using var server = await TemporaryPostgres.StartAsync();
        await using var database = await ArchiveDatabase.CreateAsync(server);
        var id = await database.InsertAsync(
            "phototest.tif", TestData.Read("phototest.tif"), DocumentStatus.Queued);

        var restart = server.RestartAsync();
        await using var processor = await RunningProcessor.StartAsync(database.WorkerDataSource);
        await restart;

        var document = await database.WaitForFinalStatusAsync(id, JobTimeout);
        Assert.Equal(DocumentStatus.Done, document.Status);
    }

    private static async Task WaitForStatusAsync(ArchiveDatabase database, Guid id, string status)
    {
        using var deadline = new CancellationTokenSource(JobTimeout);
        while ((await database.GetAsync(id)).Status != status)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20), deadline.Token);
        }
    }
}
