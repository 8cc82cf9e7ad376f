using System.Net;
using System.Security.Cryptography.X509Certificates;
using BlueRobin.ServiceDefaults.WorkloadIdentity;

namespace BlueRobin.ServiceDefaults.Tests.WorkloadIdentity;

public sealed class CertificateRenewalTests : IDisposable
{
    private readonly TestTrustDomain _domain = new();
    private readonly TestTokens _tokens = new();

    [Fact]
    public async Task RenewedCertificateIsServedOnTheNextConnectionWithoutRestart()
    {
        var ocrWorkerFiles = _domain.Issue(ResourceNames.OcrWorker);
        await using var ocrWorker = await WorkloadServer.StartAsync(
            WorkloadIdentityMode.Mtls, _tokens, _domain, ocrWorkerFiles);
        var archivesApi = _domain.Issue(ResourceNames.ArchivesApi).Leaf;
        var before = await ServerCertificateSeenAsync(ocrWorker, archivesApi);

        var renewed = ocrWorkerFiles with
        {
            Leaf = WorkloadCertificateAuthority.IssueLeaf(
                _domain.TrustAnchor, WorkloadIdentityName.For(ResourceNames.OcrWorker),
                TimeProvider.System),
        };
        TestTrustDomain.Write(renewed);
        var after = await ServerCertificateSeenAsync(ocrWorker, archivesApi);

        Assert.Equal(ocrWorkerFiles.Leaf.Thumbprint, before.Thumbprint);
        Assert.Equal(renewed.Leaf.Thumbprint, after.Thumbprint);
    }

    [Fact]
    public void RenewedClientCertificateIsTheOneOfferedNext()
    {
        var archivesApiFiles = _domain.Issue(ResourceNames.ArchivesApi);
        var (host, _) = WorkloadClients.ArchivesApi(_domain, archivesApiFiles);
        using var _ = host;
        var credentials =
            (WorkloadCredentials)host.Services.GetService(typeof(WorkloadCredentials))!;
        var before = credentials.Certificate.Thumbprint;

        var renewed = archivesApiFiles with
        {
            Leaf = WorkloadCertificateAuthority.IssueLeaf(
                _domain.TrustAnchor, WorkloadIdentityName.For(ResourceNames.ArchivesApi),
                TimeProvider.System),
        };
        TestTrustDomain.Write(renewed);

        Assert.Equal(archivesApiFiles.Leaf.Thumbprint, before);
        Assert.Equal(renewed.Leaf.Thumbprint, credentials.Certificate.Thumbprint);
    }

    private async Task<X509Certificate2> ServerCertificateSeenAsync(
        WorkloadServer server, X509Certificate2 clientCertificate)
    {
        X509Certificate2? seen = null;
        using var client = WorkloadClients.Presenting(
            clientCertificate, _domain, presented => seen = new X509Certificate2(presented));

        using var response = await client.SendAsync(WorkloadClients.OcrRequest(
            server.ServiceUri, _tokens.For(ResourceNames.OcrWorker)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return seen!;
    }

    public void Dispose() => _domain.Dispose();
}
