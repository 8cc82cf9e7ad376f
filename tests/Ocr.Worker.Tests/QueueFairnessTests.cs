using BlueRobin.Documents;
using Ocr.Worker.Tests.Support;

namespace Ocr.Worker.Tests;

/// <summary>Owners take turns in the queue, so one user's pile does not hold back others.</summary>
public sealed class QueueFairnessTests(PostgresServerFixture postgres)
    : IClassFixture<PostgresServerFixture>
{
    private static readonly TimeSpan JobTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task ALaterUploadOfAnotherUserIsReadBeforeTheFirstUsersSecond()
    {
        await using var database = await ArchiveDatabase.CreateAsync(postgres.Server);
        var page = TestData.Read("phototest.tif");
        var alice = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            alice.Add(await database.InsertAsync(
                $"a{i}.tif", page, DocumentStatus.Queued, owner: "alice"));
        }

        var bob = await database.InsertAsync("b.tif", page, DocumentStatus.Queued, owner: "bob");

        await using (await RunningProcessor.StartAsync(database.WorkerDataSource))
        {
            foreach (var id in alice.Append(bob))
            {
                await database.WaitForFinalStatusAsync(id, JobTimeout);
            }
        }

        Assert.Equal([alice[0], bob, alice[1], alice[2]], await database.FinishingOrderAsync());
    }
}
