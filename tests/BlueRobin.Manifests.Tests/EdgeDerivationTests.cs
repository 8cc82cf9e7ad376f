using BlueRobin.Manifests.Aspire;
using BlueRobin.Manifests.Model;
using BlueRobin.Manifests.Tests.Support;

namespace BlueRobin.Manifests.Tests;

public sealed class EdgeDerivationTests
{
    private static AspireManifest Fixture() =>
        AspireManifestReader.Read(RepositoryPaths.Fixture("aspire-manifest.json"));

    [Fact]
    public void EdgesAreTheAppHostsReferences()
    {
        var model = ModelBuilder.Build(Fixture());

        var edges = model.Edges.Select(edge => $"{edge.Caller}->{edge.Callee}:{edge.PortName}");

        Assert.Equal(
            [
                "archives-api->identity:http", "ocr-worker->identity:http",
                "archives-api->ocr-worker:http",
                "archives-api->postgres:tcp", "ocr-worker->postgres:tcp",
            ],
            edges);
    }

    [Fact]
    public void AdmittedCallersThatDisagreeWithTheReferencesStopTheGenerator()
    {
        var manifest = Fixture();
        manifest.Resources[ResourceNames.OcrWorker].Env["Workload__AdmittedCallers__1"] =
            ResourceNames.Identity;

        var error = Assert.Throws<InvalidDataException>(() => ModelBuilder.Build(manifest));

        Assert.Contains("ocr-worker", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ProjectsServeNoHttpsPortBecauseTheMeshEncrypts()
    {
        var model = ModelBuilder.Build(Fixture());

        var api = model.Workload(ResourceNames.ArchivesApi);

        Assert.Equal(["http", "health"], api.Ports.Select(port => port.Name));
        Assert.DoesNotContain(api.Env, pair => pair.Key.Contains("HTTPS", StringComparison.Ordinal));
    }

    [Fact]
    public void ConnectionStringsKeepThePasswordInTheSecret()
    {
        var model = ModelBuilder.Build(Fixture());

        var connection = model.Workload(ResourceNames.OcrWorker).Env
            .Single(pair => pair.Key == "ConnectionStrings__archives").Value;

        Assert.Equal(
            [
                new LiteralPart("Host=postgres;Port=5432;Username=postgres;Password="),
                new SecretPart("postgres-password"),
                new LiteralPart(";Database=archives"),
            ],
            connection.Parts);
    }
}
