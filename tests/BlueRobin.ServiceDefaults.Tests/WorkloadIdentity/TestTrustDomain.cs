using System.Security.Cryptography.X509Certificates;
using BlueRobin.ServiceDefaults.WorkloadIdentity;

namespace BlueRobin.ServiceDefaults.Tests.WorkloadIdentity;

/// <summary>The PEM files of one workload, as the issuer writes them.</summary>
public sealed record WorkloadFiles(string CertificatePath, string KeyPath, X509Certificate2 Leaf);

/// <summary>
/// A trust anchor and the leaves it issues, in a temporary directory, made with the same
/// code as the AppHost's issuer.
/// </summary>
public sealed class TestTrustDomain : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("bluerobin-wi-").FullName;

    public TestTrustDomain(string name = "BlueRobin test trust anchor")
    {
        TrustAnchor = WorkloadCertificateAuthority.CreateTrustAnchor(
            name, DateTimeOffset.UtcNow.AddDays(-3), TimeSpan.FromDays(6));
        TrustAnchorPath = Path.Combine(_directory, "trust-anchor.crt");
        WorkloadCertificateFiles.WriteCertificate(TrustAnchorPath, TrustAnchor);
    }

    public X509Certificate2 TrustAnchor { get; }

    public string TrustAnchorPath { get; }

    /// <summary>Issues a 24 h leaf for a ServiceAccount in <c>data-layer</c>.</summary>
    public WorkloadFiles Issue(string serviceAccount) =>
        Issue(serviceAccount, DateTimeOffset.UtcNow.AddMinutes(-5), TimeSpan.FromHours(24));

    public WorkloadFiles Issue(string serviceAccount, DateTimeOffset notBefore, TimeSpan lifetime)
    {
        var leaf = WorkloadCertificateAuthority.IssueLeaf(
            TrustAnchor, WorkloadIdentityName.For(serviceAccount), notBefore, lifetime);
        var files = new WorkloadFiles(
            Path.Combine(_directory, $"{serviceAccount}.crt"),
            Path.Combine(_directory, $"{serviceAccount}.key"),
            leaf);
        Write(files);
        return files;
    }

    /// <summary>Writes a leaf over a workload's files as renewal does: key first.</summary>
    public static void Write(WorkloadFiles files)
    {
        WorkloadCertificateFiles.WritePrivateKey(files.KeyPath, files.Leaf);
        WorkloadCertificateFiles.WriteCertificate(files.CertificatePath, files.Leaf);
    }

    public void Dispose()
    {
        TrustAnchor.Dispose();
        Directory.Delete(_directory, recursive: true);
    }
}
