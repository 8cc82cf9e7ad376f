using BlueRobin.AppHost.WorkloadIdentity;
using BlueRobin.ServiceDefaults.WorkloadIdentity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace BlueRobin.AppHost.Tests.WorkloadIdentity;

public sealed class LocalIdentityIssuerTests : IDisposable
{
    private readonly string _directory =
        Path.Combine(Path.GetTempPath(), $"bluerobin-issuer-{Guid.NewGuid():N}");
    private readonly ManualTimeProvider _time = new(DateTimeOffset.UtcNow);

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void FirstLeafCreatesATrustAnchorWhoseKeyOnlyItsOwnerReads()
    {
        var files = CreateIssuer().EnsureLeaf(ResourceNames.OcrWorker);

        var anchorKey = Path.Combine(_directory, "trust-anchor.key");
        const UnixFileMode ownerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        Assert.Equal(ownerOnly, File.GetUnixFileMode(anchorKey));
        Assert.Equal(ownerOnly, File.GetUnixFileMode(files.KeyPath));
    }

    [Fact]
    public void LeafProvesTheServiceAccountInDataLayerAndChainsToTheAnchor()
    {
        var files = CreateIssuer().EnsureLeaf(ResourceNames.ArchivesApi);

        using var leaf = WorkloadCertificateFiles.LoadWithKey(files.CertificatePath, files.KeyPath);
        using var anchor = WorkloadCertificateFiles.LoadCertificate(files.TrustAnchorPath);
        Assert.Equal(
            "archives-api.data-layer.serviceaccount.identity.linkerd.cluster.local",
            WorkloadCertificateValidator.ValidateClient(leaf, anchor));
    }

    [Fact]
    public void TrustAnchorOutlivesARestartOfTheAppHost()
    {
        var first = CreateIssuer().EnsureLeaf(ResourceNames.OcrWorker);
        using var before = WorkloadCertificateFiles.LoadCertificate(first.TrustAnchorPath);

        var second = CreateIssuer().EnsureLeaf(ResourceNames.OcrWorker);
        using var after = WorkloadCertificateFiles.LoadCertificate(second.TrustAnchorPath);

        Assert.Equal(before.Thumbprint, after.Thumbprint);
    }

    [Fact]
    public void LeafIsReissuedOnlyOnceLessThanAThirdOfItsLifetimeRemains()
    {
        var issuer = CreateIssuer();
        var original = Thumbprint(issuer.EnsureLeaf(ResourceNames.OcrWorker));

        _time.Advance(TimeSpan.FromHours(14));
        var stillCurrent = Thumbprint(issuer.EnsureLeaf(ResourceNames.OcrWorker));
        _time.Advance(TimeSpan.FromHours(4));
        var renewed = Thumbprint(issuer.EnsureLeaf(ResourceNames.OcrWorker));

        Assert.Equal(original, stillCurrent);
        Assert.NotEqual(original, renewed);
    }

    [Fact]
    public void DirectoryInsideTheRepositoryIsRefused()
    {
        var insideRepository = Path.Combine(AppContext.BaseDirectory, "workload-identity");

        var failure = Assert.Throws<InvalidOperationException>(
            () => LocalIdentityIssuer.ResolveDirectory(insideRepository));

        Assert.Contains(LocalIdentityIssuer.DirectorySetting, failure.Message);
    }

    private LocalIdentityIssuer CreateIssuer()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                [LocalIdentityIssuer.DirectorySetting] = _directory,
            })
            .Build();
        return new LocalIdentityIssuer(
            configuration, _time, NullLogger<LocalIdentityIssuer>.Instance);
    }

    private static string Thumbprint(IssuedWorkloadFiles files)
    {
        using var leaf = WorkloadCertificateFiles.LoadCertificate(files.CertificatePath);
        return leaf.Thumbprint;
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
