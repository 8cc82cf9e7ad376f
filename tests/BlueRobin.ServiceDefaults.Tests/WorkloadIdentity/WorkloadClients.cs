using System.Net.Http.Headers;
using System.Security.Cryptography.X509Certificates;
using BlueRobin.ServiceDefaults.WorkloadIdentity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace BlueRobin.ServiceDefaults.Tests.WorkloadIdentity;

/// <summary>The callers in these tests: archives-api as wired, and hand-made clients.</summary>
public static class WorkloadClients
{
    public const string OcrClientName = "ocr-worker";

    /// <summary>archives-api's client, built by ServiceDefaults from its files.</summary>
    public static (IHost Host, HttpClient Client) ArchivesApi(
        TestTrustDomain domain, WorkloadFiles files)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["WorkloadIdentity:Mode"] = nameof(WorkloadIdentityMode.Mtls),
            ["WorkloadIdentity:CertificatePath"] = files.CertificatePath,
            ["WorkloadIdentity:KeyPath"] = files.KeyPath,
            ["WorkloadIdentity:TrustAnchorPath"] = domain.TrustAnchorPath,
        });
        builder.AddWorkloadIdentity();
        builder.Services.AddHttpClient(OcrClientName)
            .AddWorkloadIdentityClient(ResourceNames.OcrWorker);

        var host = builder.Build();
        var client = host.Services.GetRequiredService<IHttpClientFactory>()
            .CreateClient(OcrClientName);
        return (host, client);
    }

    /// <summary>
    /// A client that presents <paramref name="certificate"/> (or none) and still checks that
    /// it talks to ocr-worker, reporting the server certificate it saw.
    /// </summary>
    public static HttpClient Presenting(
        X509Certificate2? certificate, TestTrustDomain domain,
        Action<X509Certificate2>? serverSeen = null)
    {
        var ocrWorker = WorkloadIdentityName.For(ResourceNames.OcrWorker);
        var handler = new SocketsHttpHandler();
        handler.SslOptions.LocalCertificateSelectionCallback = (_, _, _, _, _) => certificate!;
        handler.SslOptions.RemoteCertificateValidationCallback = (_, server, _, _) =>
        {
            var presented = (X509Certificate2)server!;
            serverSeen?.Invoke(presented);
            return WorkloadCertificateValidator.ValidateServer(
                presented, domain.TrustAnchor, ocrWorker);
        };
        return new HttpClient(handler);
    }

    public static HttpRequestMessage OcrRequest(
        Uri service, string? token, string? forgedClientId = null)
    {
        var request = new HttpRequestMessage(
            HttpMethod.Post, new Uri(service, WorkloadServer.OcrPath));
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (forgedClientId is not null)
        {
            request.Headers.Add(
                WorkloadAuthorizationMiddleware.LinkerdClientIdHeader, forgedClientId);
        }

        return request;
    }
}
