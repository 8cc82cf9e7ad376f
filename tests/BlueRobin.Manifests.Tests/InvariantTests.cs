using System.Text.Json.Nodes;

namespace BlueRobin.Manifests.Tests;

[Collection(TreeCollection.Name)]
public sealed class InvariantTests(TreeFixtures trees)
{
    private static readonly string[] ProxyProtocols = ["unknown", "HTTP/1", "HTTP/2", "gRPC", "opaque", "TLS"];

    [Theory]
    [MemberData(nameof(TreeFixtures.Trees), MemberType = typeof(TreeFixtures))]
    public void EveryWorkloadIsMeshedAndHasItsOwnServiceAccount(string tree)
    {
        var objects = trees.Get(tree).Objects;
        var accounts = Of(objects, "ServiceAccount").Select(Name).ToHashSet();
        var controllers = Controllers(objects).ToList();

        Assert.NotEmpty(controllers);
        foreach (var controller in controllers)
        {
            var pod = controller["spec"]!["template"]!;
            Assert.Equal("enabled", pod["metadata"]!["annotations"]!["linkerd.io/inject"]!.GetValue<string>());
            var account = pod["spec"]!["serviceAccountName"]!.GetValue<string>();
            Assert.Equal(Name(controller), account);
            Assert.Contains(account, accounts);
        }

        var ns = Assert.Single(Of(objects, "Namespace"));
        Assert.Equal("data-layer", Name(ns));
        Assert.Equal("enabled", ns["metadata"]!["annotations"]!["linkerd.io/inject"]!.GetValue<string>());
        Assert.Equal("deny",
            ns["metadata"]!["annotations"]!["config.linkerd.io/default-inbound-policy"]!.GetValue<string>());
    }

    [Theory]
    [MemberData(nameof(TreeFixtures.Trees), MemberType = typeof(TreeFixtures))]
    public void EveryServerPortIsADeclaredContainerPortAndHasAnAuthorization(string tree)
    {
        var objects = trees.Get(tree).Objects;
        var servers = Of(objects, "Server").ToList();

        Assert.NotEmpty(servers);
        foreach (var server in servers)
        {
            var app = server["spec"]!["podSelector"]!["matchLabels"]!["app.kubernetes.io/name"]!
                .GetValue<string>();
            var controller = Controllers(objects).Single(candidate => Name(candidate) == app);
            var declared = controller["spec"]!["template"]!["spec"]!["containers"]!.AsArray()
                .SelectMany(container => container!["ports"]!.AsArray())
                .Select(port => port!["name"]!.GetValue<string>());
            Assert.Contains(server["spec"]!["port"]!.GetValue<string>(), declared);
            Assert.Contains(server["spec"]!["proxyProtocol"]!.GetValue<string>(), ProxyProtocols);

            var authorized =
                Of(objects, "AuthorizationPolicy").Any(policy =>
                    policy["spec"]!["targetRef"]!["name"]!.GetValue<string>() == Name(server))
                || Of(objects, "ServerAuthorization").Any(authorization =>
                    authorization["spec"]!["server"]!["name"]!.GetValue<string>() == Name(server));
            Assert.True(authorized, $"Server {Name(server)} has no authorization.");
        }
    }

    [Theory]
    [MemberData(nameof(TreeFixtures.Trees), MemberType = typeof(TreeFixtures))]
    public void NothingIsUnauthenticatedAndProbesAreOnesLinkerdAdmits(string tree)
    {
        var objects = trees.Get(tree).Objects;

        Assert.Empty(Of(objects, "NetworkAuthentication"));
        Assert.DoesNotContain(Of(objects, "ServerAuthorization"),
            item => item["spec"]!["client"]!["unauthenticated"] is not null);
        foreach (var container in Controllers(objects).SelectMany(Containers))
        {
            foreach (var probe in new[] { container["livenessProbe"], container["readinessProbe"] })
            {
                Assert.NotNull(probe);
                // A tcpSocket probe would be refused under the deny policy.
                Assert.True(probe["httpGet"] is not null || probe["exec"] is not null);
            }
        }
    }

    [Theory]
    [MemberData(nameof(TreeFixtures.Trees), MemberType = typeof(TreeFixtures))]
    public void EveryPodRunsAsNonRootWithoutPrivilegesUnderRuntimeDefaultSeccomp(string tree)
    {
        var controllers = Controllers(trees.Get(tree).Objects).ToList();

        Assert.NotEmpty(controllers);
        foreach (var controller in controllers)
        {
            var pod = controller["spec"]!["template"]!["spec"]!["securityContext"];
            Assert.True(pod is not null, $"{Name(controller)} has no pod securityContext.");
            Assert.True(pod["runAsNonRoot"]!.GetValue<bool>());
            Assert.NotEqual(0, pod["runAsUser"]?.GetValue<long>());
            Assert.Equal("RuntimeDefault", pod["seccompProfile"]!["type"]!.GetValue<string>());

            foreach (var container in Containers(controller))
            {
                var context = container["securityContext"]!;
                Assert.False(context["allowPrivilegeEscalation"]!.GetValue<bool>());
                Assert.NotEqual(true, context["privileged"]?.GetValue<bool>());
                Assert.Equal(["ALL"], context["capabilities"]!["drop"]!.AsArray()
                    .Select(capability => capability!.GetValue<string>()));
                Assert.Null(context["capabilities"]!["add"]);
                // A container-level setting would override the pod's.
                Assert.NotEqual(false, context["runAsNonRoot"]?.GetValue<bool>());
                Assert.NotEqual(0, context["runAsUser"]?.GetValue<long>());
                Assert.NotEqual("Unconfined",
                    context["seccompProfile"]?["type"]?.GetValue<string>());
            }
        }
    }

    [Theory]
    [MemberData(nameof(TreeFixtures.Trees), MemberType = typeof(TreeFixtures))]
    public void TheIngressReachesOnlyTheApiAndTheRealmsPublicPaths(string tree)
    {
        var objects = trees.Get(tree).Objects;

        var routes = Of(objects, "Ingress")
            .SelectMany(ingress => ingress["spec"]!["rules"]!.AsArray())
            .SelectMany(rule => rule!["http"]!["paths"]!.AsArray())
            .Select(path => $"{path!["backend"]!["service"]!["name"]}{path["path"]}")
            .Order(StringComparer.Ordinal);

        Assert.Equal(
            ["archives-api/", $"identity/realms/{Realm.Name}/", "identity/resources/"], routes);
    }

    [Theory]
    [MemberData(nameof(TreeFixtures.Trees), MemberType = typeof(TreeFixtures))]
    public void TheNamespaceDeniesEverythingByDefaultInAndOut(string tree)
    {
        var deny = Of(trees.Get(tree).Objects, "NetworkPolicy").Single(item => Name(item) == "default-deny");

        Assert.Empty(deny["spec"]!["podSelector"]!.AsObject());
        Assert.Equal(["Ingress", "Egress"],
            deny["spec"]!["policyTypes"]!.AsArray().Select(type => type!.GetValue<string>()));
        Assert.Null(deny["spec"]!["ingress"]);
        Assert.Null(deny["spec"]!["egress"]);
    }

    private static IEnumerable<JsonObject> Of(IEnumerable<JsonObject> objects, string kind) =>
        objects.Where(item => item["kind"]!.GetValue<string>() == kind);

    private static IEnumerable<JsonObject> Controllers(IEnumerable<JsonObject> objects) =>
        objects.Where(item => item["kind"]!.GetValue<string>() is "Deployment" or "StatefulSet");

    private static IEnumerable<JsonNode> Containers(JsonObject controller) =>
        controller["spec"]!["template"]!["spec"]!["containers"]!.AsArray()!;

    private static string Name(JsonNode item) => item["metadata"]!["name"]!.GetValue<string>();
}
