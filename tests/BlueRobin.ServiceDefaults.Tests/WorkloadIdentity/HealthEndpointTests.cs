using System.Net;
using BlueRobin.ServiceDefaults.WorkloadIdentity;

namespace BlueRobin.ServiceDefaults.Tests.WorkloadIdentity;

public sealed class HealthEndpointTests : IAsyncLifetime, IDisposable
{
    private readonly TestTrustDomain _domain = new();
    private readonly TestTokens _tokens = new();
    private readonly HttpClient _withoutCertificate = new();
    private WorkloadServer _ocrWorker = null!;

    public async Task InitializeAsync() =>
        _ocrWorker = await WorkloadServer.StartAsync(
            WorkloadIdentityMode.Mtls, _tokens, _domain, _domain.Issue(ResourceNames.OcrWorker));

    [Theory]
    [InlineData("/health")]
    [InlineData("/alive")]
    public async Task ProbesAnswerWithoutAClientCertificate(string path)
    {
        using var response =
            await _withoutCertificate.GetAsync(new Uri(_ocrWorker.HealthUri, path));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task HealthEndpointServesNothingElse()
    {
        using var response = await _withoutCertificate.SendAsync(WorkloadClients.OcrRequest(
            _ocrWorker.HealthUri, _tokens.For(ResourceNames.OcrWorker)));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(0, _ocrWorker.HandledRequests);
    }

    [Fact]
    public async Task ClientIdHeaderOnTheHealthEndpointAdmitsNothing()
    {
        using var response = await _withoutCertificate.SendAsync(WorkloadClients.OcrRequest(
            _ocrWorker.HealthUri, _tokens.For(ResourceNames.OcrWorker),
            forgedClientId: WorkloadIdentityName.For(ResourceNames.ArchivesApi)));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    public Task DisposeAsync() => _ocrWorker.DisposeAsync().AsTask();

    public void Dispose()
    {
        _withoutCertificate.Dispose();
        _domain.Dispose();
    }
}
