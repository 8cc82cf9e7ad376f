using System.Net;
using BlueRobin.ServiceDefaults.WorkloadIdentity;

namespace BlueRobin.ServiceDefaults.Tests.WorkloadIdentity;

/// <summary>
/// <c>l5d-client-id</c> is an identity only where Linkerd's proxy set it; anywhere else any
/// client can write it.
/// </summary>
public sealed class MeshModeTests : IDisposable
{
    private static readonly string ArchivesApi =
        WorkloadIdentityName.For(ResourceNames.ArchivesApi);
    private static readonly string Billing = WorkloadIdentityName.For("billing-service");

    private readonly TestTrustDomain _domain = new();
    private readonly TestTokens _tokens = new();
    private readonly HttpClient _plain = new();

    [Fact]
    public async Task ForgedClientIdDoesNotAdmitAnUnadmittedCertificateInMtlsMode()
    {
        await using var ocrWorker = await StartAsync(WorkloadIdentityMode.Mtls);
        using var client = WorkloadClients.Presenting(
            _domain.Issue("billing-service").Leaf, _domain);

        using var response = await client.SendAsync(OcrRequest(ocrWorker, ArchivesApi));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task ForgedClientIdNeverReachesTheApplicationInMtlsMode()
    {
        await using var ocrWorker = await StartAsync(WorkloadIdentityMode.Mtls);
        using var client = WorkloadClients.Presenting(
            _domain.Issue(ResourceNames.ArchivesApi).Leaf, _domain);

        using var response = await client.SendAsync(OcrRequest(ocrWorker, Billing));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ClientIdOfAnAdmittedWorkloadIsHonouredInMeshMode()
    {
        await using var ocrWorker = await StartAsync(WorkloadIdentityMode.Mesh);

        using var response = await _plain.SendAsync(OcrRequest(ocrWorker, ArchivesApi));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, ocrWorker.HandledRequests);
    }

    [Fact]
    public async Task ClientIdOfAnotherWorkloadIsForbiddenInMeshMode()
    {
        await using var ocrWorker = await StartAsync(WorkloadIdentityMode.Mesh);

        using var response = await _plain.SendAsync(OcrRequest(ocrWorker, Billing));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task MissingClientIdIsForbiddenInMeshMode()
    {
        await using var ocrWorker = await StartAsync(WorkloadIdentityMode.Mesh);

        using var response = await _plain.SendAsync(OcrRequest(ocrWorker, clientId: null));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task AdmittedNameFromAnotherNamespaceIsForbiddenInMeshMode()
    {
        await using var ocrWorker = await StartAsync(WorkloadIdentityMode.Mesh);
        var elsewhere = WorkloadIdentityName.For(ResourceNames.ArchivesApi, "other-team");

        using var response = await _plain.SendAsync(OcrRequest(ocrWorker, elsewhere));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private Task<WorkloadServer> StartAsync(WorkloadIdentityMode mode) =>
        mode == WorkloadIdentityMode.Mesh
            ? WorkloadServer.StartAsync(mode, _tokens)
            : WorkloadServer.StartAsync(mode, _tokens, _domain,
                _domain.Issue(ResourceNames.OcrWorker));

    private HttpRequestMessage OcrRequest(WorkloadServer ocrWorker, string? clientId) =>
        WorkloadClients.OcrRequest(
            ocrWorker.ServiceUri, _tokens.For(ResourceNames.OcrWorker), clientId);

    public void Dispose()
    {
        _plain.Dispose();
        _domain.Dispose();
    }
}
