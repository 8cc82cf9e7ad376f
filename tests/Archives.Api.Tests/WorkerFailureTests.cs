using System.Net;
using Archives.Api.Tests.Infrastructure;

namespace Archives.Api.Tests;

/// <summary>An upload the worker did not take leaves nothing behind.</summary>
[Collection(ArchiveCollection.Name)]
public sealed class WorkerFailureTests(ArchiveFixture archive) : IAsyncLifetime
{
    private readonly string _alice = Users.New("alice");
    private ArchivesApiHost _api = null!;

    public async Task InitializeAsync() => _api = await ArchivesApiHost.StartAsync(archive);

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task WorkerThatIsDownGivesServiceUnavailableWithRetryAfterAndKeepsNothing()
    {
        await _api.Worker.DisposeAsync();
        using var client = _api.ClientFor(_alice, Users.Archivist);

        using var response = await client.PostAsync(
            "/documents", Samples.Form(Samples.Read("phototest.tif"), "scan.tif", "image/tiff"));

        Assert.Equal(TimeSpan.FromSeconds(5), response.Headers.RetryAfter?.Delta);
        await UploadTests.AssertProblemAsync(
            response, HttpStatusCode.ServiceUnavailable, "cannot be reached");
        Assert.Equal(0, await _api.Rows.CountAsync());
    }

    [Fact]
    public async Task WorkerFailingWithServerErrorsIsRetriedThenGivesServiceUnavailable()
    {
        _api.Worker.StatusCode = (int)HttpStatusCode.InternalServerError;
        using var client = _api.ClientFor(_alice, Users.Archivist);

        using var response = await client.PostAsync(
            "/documents", Samples.Form(Samples.Jpeg(), "photo.jpg", "image/jpeg"));

        await UploadTests.AssertProblemAsync(
            response, HttpStatusCode.ServiceUnavailable, "cannot be reached");
        Assert.True(_api.Worker.Calls.Count > 1, "the standard resilience handler retries 5xx");
        Assert.Equal(0, await _api.Rows.CountAsync());
    }

    [Fact]
    public async Task WorkerThatRefusesTheJobGivesBadGatewayAndKeepsNothing()
    {
        _api.Worker.StatusCode = (int)HttpStatusCode.Forbidden;
        using var client = _api.ClientFor(_alice, Users.Archivist);

        using var response = await client.PostAsync(
            "/documents", Samples.Form(Samples.Jpeg(), "photo.jpg", "image/jpeg"));

        await UploadTests.AssertProblemAsync(response, HttpStatusCode.BadGateway, "refused");
        Assert.Single(_api.Worker.Calls);
        Assert.Equal(0, await _api.Rows.CountAsync());
    }
}
