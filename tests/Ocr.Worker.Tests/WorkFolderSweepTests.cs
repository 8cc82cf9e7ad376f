using Ocr.Worker.Tests.Support;

namespace Ocr.Worker.Tests;

/// <summary>
/// Work folders hold users' documents; those a killed worker left behind are removed when the
/// next processor starts, and those of jobs that may still be running are not.
/// </summary>
public sealed class WorkFolderSweepTests(PostgresServerFixture postgres)
    : IClassFixture<PostgresServerFixture>, IDisposable
{
    private readonly DirectoryInfo _workRoot =
        Directory.CreateTempSubdirectory("bluerobin-work-root-");

    [Fact]
    public async Task AFolderOlderThanAnyLiveJobIsRemovedAtStartUpAndAFreshOneKept()
    {
        await using var database = await ArchiveDatabase.CreateAsync(postgres.Server);
        var leftOver = CreateJobFolder(lastWritten: TimeSpan.FromDays(1));
        var fresh = CreateJobFolder(lastWritten: TimeSpan.Zero);

        await using var processor =
            await RunningProcessor.StartAsync(database.WorkerDataSource, Options());

        Assert.False(Directory.Exists(leftOver), $"{leftOver} is still there.");
        Assert.True(Directory.Exists(fresh), $"{fresh} was removed.");
    }

    [Fact]
    public async Task AFolderPastItsLeaseButAsYoungAsARunningJobCouldBeIsKept()
    {
        await using var database = await ArchiveDatabase.CreateAsync(postgres.Server);
        var options = Options();
        // Past its lease (renewals keep a long job's lease), but within the job time limit.
        var longJob = CreateJobFolder(lastWritten: options.LeaseDuration * 2);

        await using var processor =
            await RunningProcessor.StartAsync(database.WorkerDataSource, options);

        Assert.True(Directory.Exists(longJob), $"{longJob} was removed.");
    }

    [Fact]
    public async Task AnOldFolderOfAnotherNameIsKept()
    {
        await using var database = await ArchiveDatabase.CreateAsync(postgres.Server);
        var other = CreateFolder("bluerobin-ocr-notes", lastWritten: TimeSpan.FromDays(1));

        await using var processor =
            await RunningProcessor.StartAsync(database.WorkerDataSource, Options());

        Assert.True(Directory.Exists(other), $"{other} was removed.");
    }

    public void Dispose() => _workRoot.Delete(recursive: true);

    private OcrOptions Options()
    {
        var options = RunningProcessor.FastOptions();
        options.WorkRoot = _workRoot.FullName;
        options.LeaseDuration = TimeSpan.FromMinutes(1);
        options.MaxJobDuration = TimeSpan.FromMinutes(5);
        return options;
    }

    private string CreateJobFolder(TimeSpan lastWritten) =>
        CreateFolder($"bluerobin-ocr-{Guid.NewGuid():N}", lastWritten);

    /// <summary>A folder holding a document, last written so long ago.</summary>
    private string CreateFolder(string name, TimeSpan lastWritten)
    {
        var folder = _workRoot.CreateSubdirectory(name);
        File.WriteAllBytes(Path.Combine(folder.FullName, "input.pdf"), [0x25, 0x50, 0x44, 0x46]);

        var time = DateTime.UtcNow - lastWritten;
        folder.LastWriteTimeUtc = time;
        folder.LastAccessTimeUtc = time;
        return folder.FullName;
    }
}
