using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using BlueRobin.ServiceDefaults;
using BlueRobin.ServiceDefaults.WorkloadIdentity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Calls to another BlueRobin workload over mutual TLS.</summary>
public static class WorkloadIdentityClientExtensions
{
    /// <summary>
    /// Pooled connections are replaced this often so that a renewed certificate is presented
    /// well before the old one expires.
    /// </summary>
    public static readonly TimeSpan ConnectionLifetime = TimeSpan.FromMinutes(5);

    /// <summary>
    /// In Mtls mode the client presents this service's certificate and accepts the server only
    /// if it chains to the trust anchor and proves the identity of <paramref name="target"/>
    /// (its resource name, i.e. its ServiceAccount). In Mesh and Off mode the client is left
    /// as it is: Linkerd's outbound proxy, or nothing, does the work.
    /// </summary>
    public static IHttpClientBuilder AddWorkloadIdentityClient(
        this IHttpClientBuilder builder, string target)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(target);

        builder.ConfigurePrimaryHttpMessageHandler(services =>
        {
            var options = services.GetRequiredService<IOptions<WorkloadIdentityOptions>>().Value;
            if (options.Mode != WorkloadIdentityMode.Mtls)
            {
                return new SocketsHttpHandler();
            }

            var credentials = services.GetRequiredService<WorkloadCredentials>();
            var logger = services.GetRequiredService<ILoggerFactory>()
                .CreateLogger(typeof(WorkloadIdentityClientExtensions));
            var expected = WorkloadIdentityName.For(target, options.Namespace);
            return new SocketsHttpHandler
            {
                PooledConnectionLifetime = ConnectionLifetime,
                SslOptions = new SslClientAuthenticationOptions
                {
                    LocalCertificateSelectionCallback = (_, _, _, _, _) => credentials.Certificate,

                    // The server's DNS name is an address (localhost, a pod IP), not an
                    // identity; the identity is checked against the anchor instead of the name.
                    RemoteCertificateValidationCallback = (_, certificate, _, _) =>
                        ValidateServer(certificate, credentials, expected, target, logger),
                    CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
                },
            };
        });
        return builder;
    }

    private static bool ValidateServer(
        X509Certificate? certificate,
        WorkloadCredentials credentials,
        string expected,
        string target,
        ILogger logger)
    {
        if (certificate is X509Certificate2 server
            && WorkloadCertificateValidator.ValidateServer(
                server, credentials.TrustAnchor, expected))
        {
            return true;
        }

        Log.ServerCertificateRefused(logger, target, expected);
        return false;
    }
}
