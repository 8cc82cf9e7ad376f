using System.Text.Json.Nodes;

namespace BlueRobin.Manifests.Tests;

[Collection(TreeCollection.Name)]
public sealed class PublicEndpointTests(TreeFixtures trees)
{
    [Theory]
    [MemberData(nameof(TreeFixtures.Trees), MemberType = typeof(TreeFixtures))]
    public void EveryServiceExpectsTheIssuerKeycloakAnnouncesAtItsIngressHost(string tree)
    {
        var objects = trees.Get(tree).Objects;
        var keycloak = Config(objects, ResourceNames.Identity);
        var identityHost = Assert.Single(Rules(Ingress(objects, ResourceNames.Identity)))
            ["host"]!.GetValue<string>();

        Assert.Equal($"https://{identityHost}", keycloak["KC_HOSTNAME"]);
        Assert.Equal("true", keycloak["KC_HOSTNAME_BACKCHANNEL_DYNAMIC"]);
        // With strict off and no hostname, iss would follow whatever Host header came in.
        Assert.False(keycloak.ContainsKey("KC_HOSTNAME_STRICT"));

        var validators = Controllers(objects).Select(Name)
            .Select(name => (Name: name, Config: Config(objects, name)))
            .Where(service => service.Config.ContainsKey("Identity__Authority"))
            .ToList();
        Assert.Equal(
            [ResourceNames.ArchivesApi, ResourceNames.OcrWorker],
            validators.Select(service => service.Name).Order(StringComparer.Ordinal));
        foreach (var (name, config) in validators)
        {
            Assert.True(
                config.TryGetValue("Identity__Issuer", out var issuer), $"{name} has no issuer.");
            Assert.Equal($"{keycloak["KC_HOSTNAME"]}/realms/{Realm.Name}", issuer);
            Assert.Equal($"https://{identityHost}/realms/{Realm.Name}", issuer);
            // Metadata and keys still come from the in-cluster Service, through the mesh.
            Assert.Equal(
                $"http://{ResourceNames.Identity}:8080/realms/{Realm.Name}",
                config["Identity__Authority"]);
        }
    }

    [Theory]
    [MemberData(nameof(TreeFixtures.Trees), MemberType = typeof(TreeFixtures))]
    public void EveryIngressServesEachOfItsHostsOverTlsOnly(string tree)
    {
        var ingresses = Of(trees.Get(tree).Objects, "Ingress").ToList();

        Assert.Equal(2, ingresses.Count);
        foreach (var ingress in ingresses)
        {
            var tls = ingress["spec"]!["tls"]?.AsArray() ?? [];
            foreach (var host in Rules(ingress).Select(rule => rule["host"]!.GetValue<string>()))
            {
                Assert.Contains(tls, entry =>
                    entry!["hosts"]!.AsArray().Any(name => name!.GetValue<string>() == host)
                    && entry["secretName"]?.GetValue<string>() is { Length: > 0 });
            }

            var annotations = ingress["metadata"]!["annotations"]!;
            var entrypoints = annotations["traefik.ingress.kubernetes.io/router.entrypoints"];
            Assert.Equal("websecure", entrypoints!.GetValue<string>());
            Assert.Equal("true",
                annotations["traefik.ingress.kubernetes.io/router.tls"]!.GetValue<string>());
        }
    }

    [Theory]
    [MemberData(nameof(TreeFixtures.Trees), MemberType = typeof(TreeFixtures))]
    public void TheIdentityIngressPublishesNeitherTheMasterRealmNorTheAdminConsole(string tree)
    {
        var paths = Rules(Ingress(trees.Get(tree).Objects, ResourceNames.Identity))
            .SelectMany(rule => rule["http"]!["paths"]!.AsArray())
            .Select(path => (Path: path!["path"]!.GetValue<string>(),
                Type: path["pathType"]!.GetValue<string>()))
            .ToList();

        Assert.All(paths, path => Assert.Equal("Prefix", path.Type));
        string[] hidden =
        [
            "/realms/master", "/realms/master/protocol/openid-connect/token",
            "/admin", "/admin/master/console/", "/admin/realms/bluerobin/users",
        ];
        foreach (var request in hidden)
        {
            Assert.DoesNotContain(paths, path => PrefixMatches(path.Path, request));
        }

        // The realm's own endpoints must stay reachable, or the test above proves nothing.
        Assert.Contains(paths, path =>
            PrefixMatches(path.Path, $"/realms/{Realm.Name}/protocol/openid-connect/token"));
        Assert.Contains(paths, path => PrefixMatches(path.Path, "/resources/abc12/login/x.css"));
    }

    /// <summary>Kubernetes' <c>Prefix</c>: element-wise, ignoring a trailing slash.</summary>
    private static bool PrefixMatches(string prefix, string request)
    {
        var wanted = prefix.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var actual = request.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return actual.Length >= wanted.Length && wanted.SequenceEqual(actual.Take(wanted.Length));
    }

    private static Dictionary<string, string> Config(
        IEnumerable<JsonObject> objects, string workload)
    {
        var controller = Controllers(objects).Single(item => Name(item) == workload);
        var configName = controller["spec"]!["template"]!["spec"]!["containers"]![0]!["envFrom"]!
            .AsArray().Select(source => source!["configMapRef"]?["name"]?.GetValue<string>())
            .Single(name => name is not null);
        var configMap = Of(objects, "ConfigMap").Single(item => Name(item) == configName);
        return configMap["data"]!.AsObject()
            .ToDictionary(pair => pair.Key, pair => pair.Value!.GetValue<string>());
    }

    private static JsonObject Ingress(IEnumerable<JsonObject> objects, string workload) =>
        Of(objects, "Ingress").Single(item => Name(item) == workload);

    private static IEnumerable<JsonNode> Rules(JsonObject ingress) =>
        ingress["spec"]!["rules"]!.AsArray()!;

    private static IEnumerable<JsonObject> Of(IEnumerable<JsonObject> objects, string kind) =>
        objects.Where(item => item["kind"]!.GetValue<string>() == kind);

    private static IEnumerable<JsonObject> Controllers(IEnumerable<JsonObject> objects) =>
        objects.Where(item => item["kind"]!.GetValue<string>() is "Deployment" or "StatefulSet");

    private static string Name(JsonNode item) => item["metadata"]!["name"]!.GetValue<string>();
}
