using BlueRobin.Documents;
using Ocr.Worker.Tests.Support;

namespace Ocr.Worker.Tests;

/// <summary>The durable queue with real PostgreSQL, real Tesseract and real documents.</summary>
public sealed class OcrJobProcessorTests(PostgresServerFixture postgres)
    : IClassFixture<PostgresServerFixture>
{
    private static readonly TimeSpan JobTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task AQueuedJobIsReadToTheEnd()
    {
        await using var database = await ArchiveDatabase.CreateAsync(postgres.Server);
        var id = await database.InsertAsync(
            "phototest.tif", TestData.Read("phototest.tif"), DocumentStatus.Queued);

        await using var processor = await RunningProcessor.StartAsync(database.WorkerDataSource);
        var document = await database.WaitForFinalStatusAsync(id, JobTimeout);

        Assert.Equal(DocumentStatus.Done, document.Status);
        Assert.Contains("quick brown dog", document.Text);
        Assert.Null(document.FailureReason);
        Assert.Null(document.LeaseExpiresAt);
        Assert.Equal(1, document.Attempts);
    }

    [Fact]
    public async Task AJobWhoseWorkerCrashedIsReclaimedOnceItsLeaseExpires()
    {
        await using var database = await ArchiveDatabase.CreateAsync(postgres.Server);
        var id = await database.InsertAsync(
            "phototest.tif", TestData.Read("phototest.tif"), DocumentStatus.Received);
        await database.SimulateClaimAsync(id, attempts: 1, leaseFromNow: TimeSpan.FromSeconds(-1));

        await using var processor = await RunningProcessor.StartAsync(database.WorkerDataSource);
        var document = await database.WaitForFinalStatusAsync(id, JobTimeout);

        Assert.Equal(DocumentStatus.Done, document.Status);
        Assert.Contains("lazy fox", document.Text);
        Assert.Equal(2, document.Attempts);
    }

    [Fact]
    public async Task AJobLeasedByAnotherLiveWorkerIsLeftAlone()
    {
        await using var database = await ArchiveDatabase.CreateAsync(postgres.Server);
        var leased = await database.InsertAsync(
            "leased.tif", TestData.Read("phototest.tif"), DocumentStatus.Received);
        await database.SimulateClaimAsync(leased, attempts: 1, leaseFromNow: TimeSpan.FromHours(1));
        var queued = await database.InsertAsync(
            "queued.tif", TestData.Read("phototest.tif"), DocumentStatus.Queued);

        await using var processor = await RunningProcessor.StartAsync(database.WorkerDataSource);
        await database.WaitForFinalStatusAsync(queued, JobTimeout);

        var untouched = await database.GetAsync(leased);
        Assert.Equal(DocumentStatus.Processing, untouched.Status);
        Assert.Equal(1, untouched.Attempts);
    }

    [Fact]
    public async Task AnInvalidPdfFailsAtTheFirstAttemptWithItsReason()
    {
        await using var database = await ArchiveDatabase.CreateAsync(postgres.Server);
        var id = await database.InsertAsync(
            "invalid.pdf", TestData.Read("invalid.pdf"), DocumentStatus.Queued);

        await using var processor = await RunningProcessor.StartAsync(database.WorkerDataSource);
        var document = await database.WaitForFinalStatusAsync(id, JobTimeout);

        Assert.Equal(DocumentStatus.Failed, document.Status);
        Assert.StartsWith("The PDF could not be read", document.FailureReason);
        Assert.Equal(1, document.Attempts);
        Assert.Null(document.Text);
    }

    [Fact]
    public async Task ADecompressionBombFailsWithItsSizeInTheReason()
    {
        await using var database = await ArchiveDatabase.CreateAsync(postgres.Server);
        var id = await database.InsertAsync(
            "hugemono.pdf", TestData.Read("hugemono.pdf"), DocumentStatus.Queued);

        await using var processor = await RunningProcessor.StartAsync(database.WorkerDataSource);
        var document = await database.WaitForFinalStatusAsync(id, JobTimeout);

        Assert.Equal(DocumentStatus.Failed, document.Status);
        Assert.Contains("35000 x 35000", document.FailureReason);
    }

    [Fact]
    public async Task PassingFailuresAreRetriedUntilMaxAttemptsThenFail()
    {
        await using var database = await ArchiveDatabase.CreateAsync(postgres.Server);
        using var tools = CrashingTesseract.Create();
        var options = RunningProcessor.FastOptions();
        options.ToolsPath = tools.Directory;
        options.MaxAttempts = 3;
        var id = await database.InsertAsync(
            "phototest.tif", TestData.Read("phototest.tif"), DocumentStatus.Queued);

        await using var processor =
            await RunningProcessor.StartAsync(database.WorkerDataSource, options);
        var document = await database.WaitForFinalStatusAsync(id, JobTimeout);

        Assert.Equal(DocumentStatus.Failed, document.Status);
        Assert.Equal(3, document.Attempts);
        Assert.Contains("tesseract crashed", document.FailureReason);
        Assert.Contains("gave up after 3 attempts", document.FailureReason);
    }

    [Fact]
    public async Task AJobWhoseWorkersKeptDyingIsGivenUpWithoutReadingItAgain()
    {
        await using var database = await ArchiveDatabase.CreateAsync(postgres.Server);
        var id = await database.InsertAsync(
            "phototest.tif", TestData.Read("phototest.tif"), DocumentStatus.Received);
        await database.SimulateClaimAsync(id, attempts: 3, leaseFromNow: TimeSpan.FromSeconds(-1));

        await using var processor = await RunningProcessor.StartAsync(database.WorkerDataSource);
        var document = await database.WaitForFinalStatusAsync(id, JobTimeout);

        Assert.Equal(DocumentStatus.Failed, document.Status);
        Assert.Contains("stopped while reading the document 3 times", document.FailureReason);
        Assert.Null(document.Text);
    }

    [Fact]
    public async Task ALongReadKeepsItsLeaseSoNoOtherWorkerReclaimsIt()
    {
        await using var database = await ArchiveDatabase.CreateAsync(postgres.Server);
        var options = RunningProcessor.FastOptions();
        options.LeaseDuration = TimeSpan.FromSeconds(1);
        var id = await database.InsertAsync(
            "multipage.pdf", TestData.Read("multipage.pdf"), DocumentStatus.Queued);

        // Six pages take several seconds, many times the lease: without renewal the second
        // worker would reclaim the job and read it again.
        await using var first =
            await RunningProcessor.StartAsync(database.WorkerDataSource, options);
        await using var second =
            await RunningProcessor.StartAsync(database.WorkerDataSource, options);
        var document = await database.WaitForFinalStatusAsync(id, JobTimeout);

        Assert.Equal(DocumentStatus.Done, document.Status);
        Assert.Equal(1, document.Attempts);
    }
}
