using System.Diagnostics;
using System.Net;
using System.Security.Authentication;
using BlueRobin.ServiceDefaults.WorkloadIdentity;

namespace BlueRobin.ServiceDefaults.Tests.WorkloadIdentity;

public sealed class MutualTlsTests : IAsyncLifetime, IDisposable
{
    private readonly TestTrustDomain _domain = new();
    private readonly TestTokens _tokens = new();
    private WorkloadServer _ocrWorker = null!;

    public async Task InitializeAsync() =>
        _ocrWorker = await WorkloadServer.StartAsync(
            WorkloadIdentityMode.Mtls, _tokens, _domain, _domain.Issue(ResourceNames.OcrWorker));

    [Fact]
    public async Task ArchivesApiWithAUserTokenReachesOcrWorker()
    {
        var (host, client) = WorkloadClients.ArchivesApi(
            _domain, _domain.Issue(ResourceNames.ArchivesApi));
        using var _ = host;

        using var response = await client.SendAsync(WorkloadClients.OcrRequest(
            _ocrWorker.ServiceUri, _tokens.For(ResourceNames.OcrWorker)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, _ocrWorker.HandledRequests);
    }

    [Fact]
    public async Task ArchivesApiWithoutAUserTokenIsUnauthorized()
    {
        var (host, client) = WorkloadClients.ArchivesApi(
            _domain, _domain.Issue(ResourceNames.ArchivesApi));
        using var _ = host;

        using var response = await client.SendAsync(
            WorkloadClients.OcrRequest(_ocrWorker.ServiceUri, token: null));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task BillingServiceFromTheSameAnchorIsForbiddenEvenWithAValidUserToken()
    {
        using var client = BillingServiceClient();

        using var response = await client.SendAsync(WorkloadClients.OcrRequest(
            _ocrWorker.ServiceUri, _tokens.For(ResourceNames.OcrWorker)));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("billing-service", await response.Content.ReadAsStringAsync());
        Assert.Equal(0, _ocrWorker.HandledRequests);
    }

    [Fact]
    public async Task BillingServiceIsForbiddenBeforeItsMissingUserTokenMatters()
    {
        using var client = BillingServiceClient();

        using var response = await client.SendAsync(
            WorkloadClients.OcrRequest(_ocrWorker.ServiceUri, token: null));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task DeniedCallerIsALogEventNamingCallerAndRoute()
    {
        using var client = BillingServiceClient();

        using var response = await client.SendAsync(
            WorkloadClients.OcrRequest(_ocrWorker.ServiceUri, token: null));

        var denied = Assert.Single(_ocrWorker.Logs.Events, e => e.EventId.Id == 3002);
        Assert.Equal(WorkloadIdentityName.For("billing-service"), denied.Values["Caller"]);
        Assert.Equal(WorkloadServer.OcrPath, denied.Values["Route"]);
    }

    [Fact]
    public async Task DecisionIsRecordedOnTheRequestSpan()
    {
        var billing = WorkloadIdentityName.For("billing-service");
        var decisions = new System.Collections.Concurrent.ConcurrentQueue<string?>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) =>
                ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (activity.GetTagItem(WorkloadAuthorizationMiddleware.CallerTag) as string
                    == billing)
                {
                    decisions.Enqueue(activity.GetTagItem(
                        WorkloadAuthorizationMiddleware.DecisionTag) as string);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        using var client = BillingServiceClient();

        using var response = await client.SendAsync(
            WorkloadClients.OcrRequest(_ocrWorker.ServiceUri, token: null));

        await Eventually.TrueAsync(() => !decisions.IsEmpty, "the request span to end");
        Assert.All(decisions, decision => Assert.Equal("denied", decision));
    }

    [Fact]
    public async Task CertificateFromAnotherAnchorFailsTheHandshake()
    {
        using var otherDomain = new TestTrustDomain("Someone else's CA");
        using var client = WorkloadClients.Presenting(
            otherDomain.Issue(ResourceNames.ArchivesApi).Leaf, _domain);

        await AssertHandshakeFailsAsync(client);
        Assert.Contains(_ocrWorker.Logs.Events, e => e.EventId.Id == 3006
            && ((string?)e.Values["Subject"])!.StartsWith($"CN={ResourceNames.ArchivesApi}.",
                StringComparison.Ordinal));
    }

    [Fact]
    public async Task ExpiredCertificateFailsTheHandshake()
    {
        var expired = _domain.Issue(ResourceNames.ArchivesApi,
            DateTimeOffset.UtcNow.AddDays(-1).AddHours(-1), TimeSpan.FromHours(1));
        using var client = WorkloadClients.Presenting(expired.Leaf, _domain);

        await AssertHandshakeFailsAsync(client);
    }

    [Fact]
    public async Task NoCertificateFailsTheHandshake()
    {
        using var client = WorkloadClients.Presenting(null, _domain);

        await AssertHandshakeFailsAsync(client);
    }

    [Fact]
    public async Task ArchivesApiRefusesAServerThatIsNotOcrWorker()
    {
        await using var impostor = await WorkloadServer.StartAsync(
            WorkloadIdentityMode.Mtls, _tokens, _domain, _domain.Issue("billing-service"));
        var (host, client) = WorkloadClients.ArchivesApi(
            _domain, _domain.Issue(ResourceNames.ArchivesApi));
        using var _ = host;

        var failure = await Assert.ThrowsAsync<HttpRequestException>(() => client.SendAsync(
            WorkloadClients.OcrRequest(impostor.ServiceUri, _tokens.For(ResourceNames.OcrWorker))));

        Assert.IsType<AuthenticationException>(failure.InnerException);
        Assert.Equal(0, impostor.HandledRequests);
    }

    private async Task AssertHandshakeFailsAsync(HttpClient client)
    {
        var failure = await Assert.ThrowsAsync<HttpRequestException>(() => client.SendAsync(
            WorkloadClients.OcrRequest(
                _ocrWorker.ServiceUri, _tokens.For(ResourceNames.OcrWorker))));

        // Under TLS 1.3 the server judges the client's certificate after the client has sent
        // its Finished message, so the client sees the connection end rather than an alert;
        // the server's side of the handshake is where the refusal shows.
        Assert.True(failure.InnerException is AuthenticationException or IOException,
            $"Expected the connection to fail, got {failure.InnerException}");
        await Eventually.TrueAsync(() => _ocrWorker.FailedHandshakes.Any(),
            "the server to report the failed handshake");
        Assert.Equal(0, _ocrWorker.HandledRequests);
    }

    private HttpClient BillingServiceClient() =>
        WorkloadClients.Presenting(_domain.Issue("billing-service").Leaf, _domain);

    public Task DisposeAsync() => _ocrWorker.DisposeAsync().AsTask();

    public void Dispose() => _domain.Dispose();
}
