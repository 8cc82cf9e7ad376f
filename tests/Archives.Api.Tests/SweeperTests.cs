using Archives.Api.Tests.Infrastructure;
using BlueRobin.Documents;

namespace Archives.Api.Tests;

[Collection(ArchiveCollection.Name)]
public sealed class SweeperTests(ArchiveFixture archive)
{
    // The shared host sweeps every 100 ms and treats "received" rows older than a minute as
    // abandoned; this bounds the wait, it is not a pause.
    private static readonly TimeSpan SweepDeadline = TimeSpan.FromSeconds(10);

    private readonly ArchivesApiHost _api = archive.SharedApi;
    private readonly string _alice = Users.New("alice");

    [Fact]
    public async Task UploadAbandonedBeforeTheWorkerTookItIsSweptAndNothingElseIs()
    {
        var abandoned = await _api.Rows.InsertAsync(
            _alice, DocumentStatus.Received, age: TimeSpan.FromMinutes(10));
        var inFlight = await _api.Rows.InsertAsync(_alice, DocumentStatus.Received);
        var queued = await _api.Rows.InsertAsync(
            _alice, DocumentStatus.Queued, age: TimeSpan.FromMinutes(10));

        using var deadline = new CancellationTokenSource(SweepDeadline);
        while (await _api.Rows.FindAsync(abandoned) is not null)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(50), deadline.Token);
        }

        Assert.NotNull(await _api.Rows.FindAsync(inFlight));
        Assert.NotNull(await _api.Rows.FindAsync(queued));
    }
}
