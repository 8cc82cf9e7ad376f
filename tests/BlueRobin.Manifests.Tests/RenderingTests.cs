using k8s;
using k8s.Models;

namespace BlueRobin.Manifests.Tests;

[Collection(TreeCollection.Name)]
public sealed class RenderingTests(TreeFixtures trees)
{
    private static readonly Dictionary<string, Type> CoreModels = new()
    {
        ["v1/Namespace"] = typeof(V1Namespace),
        ["v1/ServiceAccount"] = typeof(V1ServiceAccount),
        ["v1/Service"] = typeof(V1Service),
        ["v1/ConfigMap"] = typeof(V1ConfigMap),
        ["v1/Secret"] = typeof(V1Secret),
        ["apps/v1/Deployment"] = typeof(V1Deployment),
        ["apps/v1/StatefulSet"] = typeof(V1StatefulSet),
        ["networking.k8s.io/v1/NetworkPolicy"] = typeof(V1NetworkPolicy),
        ["networking.k8s.io/v1/Ingress"] = typeof(V1Ingress),
    };

    private static readonly string[] CustomGroups = ["policy.linkerd.io/", "traefik.io/"];

    [Theory]
    [MemberData(nameof(TreeFixtures.Trees), MemberType = typeof(TreeFixtures))]
    public void EveryOverlayRendersWithKustomize(string tree)
    {
        var rendered = trees.Get(tree);

        Assert.Contains(rendered.Objects, item => item["kind"]!.GetValue<string>() == "Deployment");
        Assert.Contains(rendered.Objects, item => item["kind"]!.GetValue<string>() == "Secret");
    }

    [Theory]
    [MemberData(nameof(TreeFixtures.Trees), MemberType = typeof(TreeFixtures))]
    public void EveryCoreObjectParsesStrictlyAsItsTypedModel(string tree)
    {
        var documents = Support.YamlDocuments.Split(trees.Get(tree).Rendered);

        foreach (var document in documents)
        {
            var head = Support.YamlDocuments.Parse(document).Single();
            var key = $"{head["apiVersion"]}/{head["kind"]}";
            if (CustomGroups.Any(group => key.StartsWith(group, StringComparison.Ordinal)))
            {
                continue;
            }

            Assert.True(CoreModels.ContainsKey(key), $"No typed model is expected for {key}.");
            var parsed = KubernetesYaml.LoadAllFromString(
                document, new Dictionary<string, Type> { [key] = CoreModels[key] }, strict: true);
            Assert.IsType(CoreModels[key], Assert.Single(parsed));
        }
    }

    [Fact]
    public void StrictParsingRejectsAMisspelledField()
    {
        const string yaml = """
            apiVersion: v1
            kind: ServiceAccount
            metadata:
              name: x
            automountServiceAcountToken: false
            """;

        Assert.ThrowsAny<Exception>(() => KubernetesYaml.LoadAllFromString(
            yaml, new Dictionary<string, Type> { ["v1/ServiceAccount"] = typeof(V1ServiceAccount) },
            strict: true));
    }
}
