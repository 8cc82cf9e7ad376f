using System.Net;
using System.Net.Http.Json;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Aspire.Hosting.Testing;
using BlueRobin.Documents;
using BlueRobin.ServiceDefaults.WorkloadIdentity;

namespace BlueRobin.AppHost.Tests;

/// <summary>
/// The running app enforces workload identity itself: the upload tests pass through mutual
/// TLS, and a caller that cannot prove a workload never reaches Ocr.Worker.
/// </summary>
[Collection(BlueRobinApp.Collection)]
public sealed class WorkloadIdentityEndToEndTests(BlueRobinApp bluerobin)
{
    private static readonly string WorkerIdentity =
        WorkloadIdentityName.For(ResourceNames.OcrWorker, WorkloadIdentityName.DefaultNamespace);

    [Fact]
    public async Task WorkerProvesItsIdentityAndRefusesACallerWithoutACertificate()
    {
        var trustAnchor = X509CertificateLoader.LoadCertificateFromFile(bluerobin.TrustAnchorPath);
        var serverWasVerified = false;
        using var handler = new SocketsHttpHandler
        {
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, certificate, _, _) =>
                    serverWasVerified = certificate is X509Certificate2 server
                        && WorkloadCertificateValidator.ValidateServer(
                            server, trustAnchor, WorkerIdentity),
            },
        };
        using var client = new HttpClient(handler)
        {
            BaseAddress = bluerobin.App.GetEndpoint(ResourceNames.OcrWorker, "https"),
        };

        var call = client.PostAsJsonAsync(OcrWorkerRoutes.Jobs, new OcrJobRequest(Guid.NewGuid()));

        await Assert.ThrowsAsync<HttpRequestException>(() => call);
        Assert.True(serverWasVerified, "ocr-worker did not present its workload certificate.");
    }

    [Fact]
    public async Task WorkerHealthIsReachableWithoutACertificate()
    {
        using var client = bluerobin.App.CreateHttpClient(ResourceNames.OcrWorker, "health");

        using var response = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
