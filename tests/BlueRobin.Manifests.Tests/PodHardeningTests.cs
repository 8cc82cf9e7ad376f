using System.Text.Json.Nodes;

namespace BlueRobin.Manifests.Tests;

[Collection(TreeCollection.Name)]
public sealed class PodHardeningTests(TreeFixtures trees)
{
    public static TheoryData<string, string, long> TreesAndUsers
    {
        get
        {
            var data = new TheoryData<string, string, long>();
            foreach (var tree in TreeFixtures.Names)
            {
                data.Add(tree, "archives-api", 1654);
                data.Add(tree, "ocr-worker", 1654);
                data.Add(tree, "postgres", 999);
                data.Add(tree, "identity", 1000);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(TreesAndUsers))]
    public void EachWorkloadRunsAsTheUserItsImageIsBuiltFor(string tree, string workload, long user)
    {
        var pod = PodSpec(tree, workload)["securityContext"]!;

        Assert.Equal(user, pod["runAsUser"]!.GetValue<long>());
        Assert.Equal(user, pod["runAsGroup"]!.GetValue<long>());
        // Volumes (PostgreSQL's and Keycloak's data) must be writable by that user.
        Assert.Equal(user, pod["fsGroup"]!.GetValue<long>());
    }

    [Theory]
    [MemberData(nameof(TreeFixtures.Trees), MemberType = typeof(TreeFixtures))]
    public void TheDotNetServicesHaveAReadOnlyRootAndAnEmptyDirForTmp(string tree)
    {
        foreach (var workload in new[] { "archives-api", "ocr-worker" })
        {
            var spec = PodSpec(tree, workload);
            var container = Assert.Single(spec["containers"]!.AsArray())!;

            Assert.True(container["securityContext"]!["readOnlyRootFilesystem"]!.GetValue<bool>());
            var mount = Assert.Single(container["volumeMounts"]!.AsArray(),
                candidate => candidate!["mountPath"]!.GetValue<string>() == "/tmp")!;
            var volume = Assert.Single(spec["volumes"]!.AsArray(),
                candidate => candidate!["name"]!.GetValue<string>()
                    == mount["name"]!.GetValue<string>())!;
            Assert.NotNull(volume["emptyDir"]);
            Assert.False(spec["automountServiceAccountToken"]!.GetValue<bool>());
        }
    }

    private JsonNode PodSpec(string tree, string workload) =>
        trees.Get(tree).Objects
            .Single(item => item["kind"]!.GetValue<string>() is "Deployment" or "StatefulSet"
                && item["metadata"]!["name"]!.GetValue<string>() == workload)
            ["spec"]!["template"]!["spec"]!;
}
