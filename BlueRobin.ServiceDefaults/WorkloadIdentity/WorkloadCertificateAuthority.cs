using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace BlueRobin.ServiceDefaults.WorkloadIdentity;

/// <summary>
/// Makes certificates shaped like Linkerd's: an ECDSA P-256 trust anchor, and leaves with
/// one DNS SAN (the workload identity) usable as both TLS server and TLS client.
/// The AppHost issues with it; tests issue with it too, so both see the same certificates.
/// </summary>
public static class WorkloadCertificateAuthority
{
    /// <summary>Linkerd's leaf lifetime.</summary>
    public static readonly TimeSpan LeafLifetime = TimeSpan.FromHours(24);

    public static readonly TimeSpan TrustAnchorLifetime = TimeSpan.FromDays(365);

    /// <summary>
    /// Leaves start a little in the past so that a peer whose clock runs slightly behind
    /// does not reject a certificate issued a moment ago.
    /// </summary>
    public static readonly TimeSpan ClockSkewAllowance = TimeSpan.FromMinutes(5);

    public const string ServerAuthenticationOid = "1.3.6.1.5.5.7.3.1";
    public const string ClientAuthenticationOid = "1.3.6.1.5.5.7.3.2";

    public static X509Certificate2 CreateTrustAnchor(
        string commonName, DateTimeOffset notBefore, TimeSpan lifetime)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={commonName}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(
            X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, critical: true));
        request.CertificateExtensions.Add(
            new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false));

        return request.CreateSelfSigned(notBefore, notBefore + lifetime);
    }

    /// <summary>Issues a leaf for <paramref name="identity"/>, signed by the anchor.</summary>
    public static X509Certificate2 IssueLeaf(
        X509Certificate2 trustAnchor, string identity, DateTimeOffset notBefore, TimeSpan lifetime)
    {
        if (!trustAnchor.HasPrivateKey)
        {
            throw new ArgumentException("The trust anchor's private key is needed to issue.",
                nameof(trustAnchor));
        }

        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={identity}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(
            X509KeyUsageFlags.DigitalSignature, critical: true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [new(ServerAuthenticationOid), new(ClientAuthenticationOid)], critical: false));
        request.CertificateExtensions.Add(
            new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false));
        request.CertificateExtensions.Add(
            X509AuthorityKeyIdentifierExtension.CreateFromCertificate(trustAnchor, true, false));

        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName(identity);
        request.CertificateExtensions.Add(names.Build(critical: true));

        // A leaf must not outlive its anchor: peers would reject the tail of its lifetime.
        var notAfter = Min(notBefore + lifetime, trustAnchor.NotAfter);
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F;

        using var unsigned = request.Create(trustAnchor, notBefore, notAfter, serial);
        return unsigned.CopyWithPrivateKey(key);
    }

    /// <summary>Issues a leaf that is valid from a few minutes ago for 24 hours.</summary>
    public static X509Certificate2 IssueLeaf(
        X509Certificate2 trustAnchor, string identity, TimeProvider time) =>
        IssueLeaf(trustAnchor, identity, time.GetUtcNow() - ClockSkewAllowance, LeafLifetime);

    /// <summary>The DNS names in the certificate's subject alternative name extension.</summary>
    public static IReadOnlyList<string> GetDnsNames(X509Certificate2 certificate) =>
        certificate.Extensions.OfType<X509SubjectAlternativeNameExtension>()
            .SelectMany(extension => extension.EnumerateDnsNames())
            .ToList();

    private static DateTimeOffset Min(DateTimeOffset left, DateTime right)
    {
        var rightOffset = new DateTimeOffset(right.ToUniversalTime());
        return left < rightOffset ? left : rightOffset;
    }
}
