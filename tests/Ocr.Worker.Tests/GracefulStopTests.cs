using BlueRobin.Documents;
using Ocr.Worker.Tests.Support;

namespace Ocr.Worker.Tests;

/// <summary>A worker stopped on purpose does not make its job wait for the lease.</summary>
public sealed class GracefulStopTests(PostgresServerFixture postgres)
    : IClassFixture<PostgresServerFixture>
{
    [Fact]
    public async Task AJobInterruptedByAStopIsHandedBackAtOnceWithoutUsingAnAttempt()
    {
        await using var database = await ArchiveDatabase.CreateAsync(postgres.Server);
        using var tools = HangingTesseract.Create();
        var options = RunningProcessor.FastOptions();
        options.ToolsPath = tools.Directory;
        options.LeaseDuration = TimeSpan.FromMinutes(10);
        var id = await database.InsertAsync(
            "phototest.tif", TestData.Read("phototest.tif"), DocumentStatus.Queued);

        var processor = await RunningProcessor.StartAsync(database.WorkerDataSource, options);
        var processIds = await tools.WaitForProcessIdsAsync();
        await processor.DisposeAsync();
        var document = await database.GetAsync(id);

        Assert.Equal(DocumentStatus.Queued, document.Status);
        Assert.Equal(0, document.Attempts);
        Assert.Null(document.LeaseExpiresAt);
        Assert.All(processIds, processId => Assert.False(
            HangingTesseract.IsRunning(processId), $"Process {processId} still runs."));
    }
}
