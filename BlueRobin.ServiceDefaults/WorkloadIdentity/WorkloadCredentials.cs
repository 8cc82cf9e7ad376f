using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BlueRobin.ServiceDefaults.WorkloadIdentity;

/// <summary>
/// This service's own leaf certificate and the trust anchor, read from the files the issuer
/// writes. The leaf is re-read whenever its file changes, so a renewed certificate is used
/// from the next handshake on without restarting the service.
/// </summary>
public sealed class WorkloadCredentials : IDisposable
{
    private readonly WorkloadIdentityOptions _options;
    private readonly ILogger<WorkloadCredentials> _logger;
    private readonly Lock _gate = new();
    private readonly Lazy<X509Certificate2> _trustAnchor;
    private X509Certificate2? _certificate;
    private DateTime _certificateWrittenAt;
    private DateTime _keyWrittenAt;

    public WorkloadCredentials(
        IOptions<WorkloadIdentityOptions> options, ILogger<WorkloadCredentials> logger)
    {
        _options = options.Value;
        _logger = logger;
        _trustAnchor = new Lazy<X509Certificate2>(
            () => WorkloadCertificateFiles.LoadCertificate(RequirePath(_options.TrustAnchorPath)));
    }

    // TODO: the anchor is read once; rotating it needs a restart, as it does in Linkerd.
    public X509Certificate2 TrustAnchor => _trustAnchor.Value;

    /// <summary>The current leaf with its private key.</summary>
    public X509Certificate2 Certificate
    {
        get
        {
            var certificatePath = RequirePath(_options.CertificatePath);
            var keyPath = RequirePath(_options.KeyPath);
            var certificateWrittenAt = File.GetLastWriteTimeUtc(certificatePath);
            var keyWrittenAt = File.GetLastWriteTimeUtc(keyPath);

            lock (_gate)
            {
                if (_certificate is null
                    || certificateWrittenAt != _certificateWrittenAt
                    || keyWrittenAt != _keyWrittenAt)
                {
                    Reload(certificatePath, keyPath, certificateWrittenAt, keyWrittenAt);
                }

                return _certificate!;
            }
        }
    }

    private void Reload(
        string certificatePath,
        string keyPath,
        DateTime certificateWrittenAt,
        DateTime keyWrittenAt)
    {
        X509Certificate2 loaded;
        try
        {
            loaded = WorkloadCertificateFiles.LoadWithKey(certificatePath, keyPath);
        }
        catch (Exception exception) when (_certificate is not null
            && exception is System.Security.Cryptography.CryptographicException or IOException)
        {
            // The issuer replaces key and certificate one after the other; between the two
            // renames they do not match. The previous pair stays valid, so keep serving it
            // and try again on the next handshake.
            Log.WorkloadCertificateReloadDeferred(_logger, certificatePath, exception.Message);
            return;
        }

        _certificate = loaded;
        _certificateWrittenAt = certificateWrittenAt;
        _keyWrittenAt = keyWrittenAt;
        Log.WorkloadCertificateLoaded(_logger, string.Join(',',
            WorkloadCertificateAuthority.GetDnsNames(loaded)), loaded.NotAfter, loaded.Thumbprint);
    }

    private static string RequirePath(string? path) =>
        string.IsNullOrWhiteSpace(path)
            ? throw new InvalidOperationException(
                "WorkloadIdentity:CertificatePath, KeyPath and TrustAnchorPath are required.")
            : path;

    public void Dispose()
    {
        // Certificates handed out may still be in use by a connection, so they are left to
        // the finalizer; only what this instance alone holds is released here.
        if (_trustAnchor.IsValueCreated)
        {
            _trustAnchor.Value.Dispose();
        }
    }
}
