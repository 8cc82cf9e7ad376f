using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using BlueRobin.ServiceDefaults.WorkloadIdentity;

namespace BlueRobin.ServiceDefaults.Tests.WorkloadIdentity;

public sealed class WorkloadCertificateAuthorityTests : IDisposable
{
    private readonly TestTrustDomain _domain = new();

    [Fact]
    public void LeafCarriesTheLinkerdIdentityAsItsOnlyDnsName()
    {
        var leaf = _domain.Issue(ResourceNames.ArchivesApi).Leaf;

        Assert.Equal(
            ["archives-api.data-layer.serviceaccount.identity.linkerd.cluster.local"],
            WorkloadCertificateAuthority.GetDnsNames(leaf));
    }

    [Fact]
    public void LeafIsAnEcdsaP256KeyValidFor24Hours()
    {
        var leaf = _domain.Issue(ResourceNames.OcrWorker).Leaf;

        using var key = leaf.GetECDsaPublicKey()!;
        Assert.Equal(256, key.KeySize);
        Assert.Equal(TimeSpan.FromHours(24), leaf.NotAfter - leaf.NotBefore);
    }

    [Fact]
    public void LeafServesAsBothTlsServerAndTlsClient()
    {
        var leaf = _domain.Issue(ResourceNames.OcrWorker).Leaf;

        var usages = leaf.Extensions.OfType<X509EnhancedKeyUsageExtension>().Single()
            .EnhancedKeyUsages.Cast<Oid>().Select(oid => oid.Value);
        Assert.Equal(
            [WorkloadCertificateAuthority.ServerAuthenticationOid,
                WorkloadCertificateAuthority.ClientAuthenticationOid],
            usages);
        Assert.False(leaf.Extensions.OfType<X509BasicConstraintsExtension>().Single()
            .CertificateAuthority);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void KeyFileIsReadableByItsOwnerOnly()
    {
        var files = _domain.Issue(ResourceNames.OcrWorker);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite,
            File.GetUnixFileMode(files.KeyPath));
    }

    [Fact]
    public void LeafFromTheAnchorValidatesAndNamesItsWorkload()
    {
        var leaf = _domain.Issue(ResourceNames.ArchivesApi).Leaf;

        Assert.Equal(WorkloadIdentityName.For(ResourceNames.ArchivesApi),
            WorkloadCertificateValidator.ValidateClient(leaf, _domain.TrustAnchor));
    }

    [Fact]
    public void IdentityOutsideTheNamespaceHasNoServiceAccount()
    {
        var foreign = WorkloadIdentityName.For(ResourceNames.ArchivesApi, "other-team");

        Assert.False(WorkloadIdentityName.TryGetServiceAccount(
            foreign, WorkloadIdentityName.DefaultNamespace, out _));
    }

    public void Dispose() => _domain.Dispose();
}
