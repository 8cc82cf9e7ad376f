using System.Net;
using System.Security.Authentication;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BlueRobin.ServiceDefaults.WorkloadIdentity;

/// <summary>
/// Opens the service's two listeners: the service endpoint (mutual TLS in Mtls mode, plain
/// behind Linkerd's proxy in Mesh mode) and the health endpoint (plain, probes only). Each
/// connection is marked with its listener so the middleware need not trust port numbers.
/// </summary>
public sealed class WorkloadListeners(
    IOptions<WorkloadIdentityOptions> options, WorkloadCredentials credentials,
    ILogger<WorkloadListeners> logger)
    : IConfigureOptions<KestrelServerOptions>
{
    private const string ListenerItemKey = "BlueRobin.WorkloadListener";

    /// <summary>The service endpoint as bound (the real port when 0 was asked for).</summary>
    public IPEndPoint? ServiceEndPoint => _service?.IPEndPoint;

    /// <summary>The health endpoint as bound.</summary>
    public IPEndPoint? HealthEndPoint => _health?.IPEndPoint;

    private ListenOptions? _service;
    private ListenOptions? _health;

    public void Configure(KestrelServerOptions kestrel)
    {
        var settings = options.Value;
        if (settings.ServicePort is not int servicePort
            || settings.HealthPort is not int healthPort)
        {
            return;
        }

        var address = IPAddress.Parse(settings.ListenAddress);
        kestrel.Listen(address, servicePort, listen =>
        {
            _service = listen;
            listen.Use(next => connection => Mark(connection, WorkloadListener.Service, next));
            if (settings.Mode == WorkloadIdentityMode.Mtls)
            {
                listen.UseHttps(ConfigureMutualTls);
            }
        });
        kestrel.Listen(address, healthPort, listen =>
        {
            _health = listen;
            listen.Use(next => connection => Mark(connection, WorkloadListener.Health, next));
        });
    }

    /// <summary>The listener a request arrived on; null for Kestrel's other endpoints.</summary>
    public static WorkloadListener? Of(Microsoft.AspNetCore.Http.HttpContext context) =>
        context.Features.Get<IConnectionItemsFeature>()?.Items
            .TryGetValue(ListenerItemKey, out var listener) == true
            ? listener as WorkloadListener?
            : null;

    private void ConfigureMutualTls(HttpsConnectionAdapterOptions https)
    {
        https.SslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13;
        https.ServerCertificateSelector = (_, _) => credentials.Certificate;
        https.ClientCertificateMode = ClientCertificateMode.RequireCertificate;

        // Revocation is not checked (see WorkloadCertificateValidator); the chain is built
        // against the trust anchor alone, whatever the system's roots say.
        https.CheckCertificateRevocation = false;
        https.ClientCertificateValidation = (certificate, _, _) =>
        {
            if (WorkloadCertificateValidator.ValidateClient(certificate, credentials.TrustAnchor)
                is not null)
            {
                return true;
            }

            Log.ClientCertificateRefused(logger, certificate.Subject, certificate.Thumbprint);
            return false;
        };
    }

    private static Task Mark(
        ConnectionContext connection, WorkloadListener listener, ConnectionDelegate next)
    {
        connection.Items[ListenerItemKey] = listener;
        return next(connection);
    }
}
