using System.Net;
using BlueRobin.ServiceDefaults.WorkloadIdentity;

namespace BlueRobin.ServiceDefaults.Tests.WorkloadIdentity;

/// <summary>
/// <c>l5d-client-id</c> is an identity only where Linkerd's proxy set it; anywhere else any
/// client can write it.
/// </summary>
public sealed class MeshModeTests : IDisposable
{
    private static readonly string ArchivesApi = WorkloadIdentityName.For(ResourceNames.ArchivesApi);
    private static readonly string Billing = WorkloadIdentityName.For("billing-service");

    private readonly TestTrustDomain _domain = new();
    private readonly TestTokens _tokens = new();

    [Fact]
    public async Task ForgedClientIdDoesNotAdmitAnUnadmittedCertificateInMtlsMode()
    {
        await using var ocrWorker = await WorkloadServer.StartAsync(
            WorkloadIdentityMode.Mtls, _tokens, _domain, _domain.Issue(ResourceNames.OcrWorker));
        using var client = WorkloadClients.Presenting(_domain.Issue("billing-service").Leaf, _domain);

        using var response = await client.SendAsync(WorkloadClients.OcrRequest(
            ocrWorker.ServiceUri, _tokens.For(ResourceNames.OcrWorker), forgedClientId: ArchivesApi));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task ForgedClientIdNeverReachesTheApplicationInMtlsMode()
    {
        await using var ocrWorker = await WorkloadServer.StartAsync(
            WorkloadIdentityMode.Mtls, _tokens, _domain, _domain.Issue(ResourceNames.OcrWorker));
        using var client = WorkloadClients.Presenting(
            _domain.Issue(ResourceNames.ArchivesApi).Leaf, _domain);

        using var response = await client.SendAsync(WorkloadClients.OcrRequest(
            ocrWorker.ServiceUri, _tokens.For(ResourceNames.OcrWorker), forgedClientId: Billing));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ClientIdOfAnAdmittedWorkloadIsHonouredInMeshMode()
    {
        await using var ocrWorker = await WorkloadServer.StartAsync(WorkloadIdentityMode.Mesh, _tokens);
        using var client = new HttpClient();

        using var response = await client.SendAsync(WorkloadClients.OcrRequest(
            ocrWorker.ServiceUri, _tokens.For(ResourceNames.OcrWorker), forgedClientId: ArchivesApi));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, ocrWorker.HandledRequests);
    }

    [Fact]
    public async Task ClientIdOfAnotherWorkloadIsForbiddenInMeshMode()
    {
        await using var ocrWorker = await WorkloadServer.StartAsync(WorkloadIdentityMode.Mesh, _tokens);
        using var client = new HttpClient();

        using var response = await client.SendAsync(WorkloadClients.OcrRequest(
            ocrWorker.ServiceUri, _tokens.For(ResourceNames.OcrWorker), forgedClientId: Billing));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task MissingClientIdIsForbiddenInMeshMode()
    {
        await using var ocrWorker = await WorkloadServer.StartAsync(WorkloadIdentityMode.Mesh, _tokens);
        using var client = new HttpClient();

        using var response = await client.SendAsync(WorkloadClients.OcrRequest(
            ocrWorker.ServiceUri, _tokens.For(ResourceNames.OcrWorker)));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task AdmittedNameFromAnotherNamespaceIsForbiddenInMeshMode()
    {
        await using var ocrWorker = await WorkloadServer.StartAsync(WorkloadIdentityMode.Mesh, _tokens);
        using var client = new HttpClient();
        var elsewhere = WorkloadIdentityName.For(ResourceNames.ArchivesApi, "other-team");

        using var response = await client.SendAsync(WorkloadClients.OcrRequest(
            ocrWorker.ServiceUri, _tokens.For(ResourceNames.OcrWorker), forgedClientId: elsewhere));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    public void Dispose() => _domain.Dispose();
}
