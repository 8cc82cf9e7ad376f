using BlueRobin.Manifests.Aspire;
using BlueRobin.Manifests.Cli;
using BlueRobin.Manifests.Model;
using BlueRobin.Manifests.Tests.Support;

namespace BlueRobin.Manifests.Tests;

public sealed class PublicIssuerTests
{
    private static readonly GenerateOptions OtherDomain = new() { Domain = "archive.example.org" };

    private static AspireManifest Fixture() =>
        AspireManifestReader.Read(RepositoryPaths.Fixture("aspire-manifest.json"));

    [Fact]
    public void KeycloakAndTheServicesFollowTheDomainGivenToTheGenerator()
    {
        var model = PublicIssuer.Apply(ModelBuilder.Build(Fixture()), OtherDomain);

        Assert.Equal("https://identity.archive.example.org",
            Value(model.Workload(ResourceNames.Identity), "KC_HOSTNAME"));
        foreach (var service in new[] { ResourceNames.ArchivesApi, ResourceNames.OcrWorker })
        {
            Assert.Equal("https://identity.archive.example.org/realms/bluerobin",
                Value(model.Workload(service), "Identity__Issuer"));
        }
    }

    [Theory]
    [InlineData("KC_HOSTNAME_STRICT", "false")]
    [InlineData("KC_HOSTNAME", "https://identity.elsewhere.example")]
    public void AHostnameFromTheAppHostStopsTheGenerator(string key, string value)
    {
        var manifest = Fixture();
        manifest.Resources[ResourceNames.Identity].Env[key] = value;

        var error = Assert.Throws<InvalidDataException>(
            () => PublicIssuer.Apply(ModelBuilder.Build(manifest), OtherDomain));

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void KeycloakWithoutDynamicBackchannelUrlsStopsTheGenerator()
    {
        var manifest = Fixture();
        manifest.Resources[ResourceNames.Identity].Env.Remove("KC_HOSTNAME_BACKCHANNEL_DYNAMIC");

        var error = Assert.Throws<InvalidDataException>(
            () => PublicIssuer.Apply(ModelBuilder.Build(manifest), OtherDomain));

        Assert.Contains("KC_HOSTNAME_BACKCHANNEL_DYNAMIC", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnAuthorityOnARealmTheIngressDoesNotPublishStopsTheGenerator()
    {
        var manifest = Fixture();
        manifest.Resources[ResourceNames.OcrWorker].Env["Identity__Authority"] =
            "{identity.bindings.http.url}/realms/master";

        var error = Assert.Throws<InvalidDataException>(
            () => PublicIssuer.Apply(ModelBuilder.Build(manifest), OtherDomain));

        Assert.Contains(ResourceNames.OcrWorker, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://example.org")]
    [InlineData("example.org/realms")]
    public void ADomainThatIsNotAHostNameIsRefused(string domain)
    {
        Assert.Throws<ArgumentException>(
            () => CommandLine.Parse(["generate", "--domain", domain]));
    }

    private static string? Value(Workload workload, string key) =>
        workload.Env.Single(pair => pair.Key == key).Value.Literal;
}
