using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace BlueRobin.ServiceDefaults.WorkloadIdentity;

/// <summary>
/// Decides whether a peer's certificate is a workload certificate from BlueRobin's trust
/// anchor: the chain must end at the anchor and nowhere else, be within its validity, and
/// carry exactly one workload identity as DNS SAN.
/// </summary>
public static class WorkloadCertificateValidator
{
    /// <summary>The peer's workload identity, or null when its certificate is refused.</summary>
    public static string? ValidateClient(X509Certificate2 peer, X509Certificate2 trustAnchor) =>
        Validate(peer, trustAnchor, WorkloadCertificateAuthority.ClientAuthenticationOid);

    /// <summary>True when the server proves exactly <paramref name="expectedIdentity"/>.</summary>
    public static bool ValidateServer(
        X509Certificate2 peer, X509Certificate2 trustAnchor, string expectedIdentity) =>
        string.Equals(
            Validate(peer, trustAnchor, WorkloadCertificateAuthority.ServerAuthenticationOid),
            expectedIdentity,
            StringComparison.OrdinalIgnoreCase);

    private static string? Validate(
        X509Certificate2 peer, X509Certificate2 trustAnchor, string requiredUsage)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(trustAnchor);
        chain.ChainPolicy.ApplicationPolicy.Add(new Oid(requiredUsage));

        // Leaves live 24 hours and the issuer publishes no CRL or OCSP responder, as in
        // Linkerd: expiry is the revocation mechanism, so there is nothing to check online.
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;

        if (!chain.Build(peer))
        {
            return null;
        }

        var names = WorkloadCertificateAuthority.GetDnsNames(peer);
        return names.Count == 1 ? names[0] : null;
    }
}
