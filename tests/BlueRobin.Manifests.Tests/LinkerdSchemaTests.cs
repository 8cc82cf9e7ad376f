using System.Text.Json.Nodes;
using BlueRobin.Manifests.Tests.Support;

namespace BlueRobin.Manifests.Tests;

[Collection(TreeCollection.Name)]
public sealed class LinkerdSchemaTests(TreeFixtures trees)
{
    public static TheoryData<string, string> TreesAndReleases
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var tree in TreeFixtures.Names)
            {
                foreach (var release in LinkerdSchemas.Releases)
                {
                    data.Add(tree, release);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(TreesAndReleases))]
    public void EveryLinkerdObjectValidatesAgainstTheReleasesCrds(string tree, string release)
    {
        var schemas = new LinkerdSchemas(release);
        var linkerd = trees.Get(tree).Objects.Where(IsLinkerd).ToList();

        Assert.NotEmpty(linkerd);
        Assert.All(linkerd, item => Assert.Null(schemas.Validate(item)));
    }

    [Fact]
    public void BothReleasesAreThere()
    {
        Assert.Equal(["edge-2026-08", "stable-2.14.0"], LinkerdSchemas.Releases.Order());
    }

    [Theory]
    [InlineData("stable-2.14.0")]
    [InlineData("edge-2026-08")]
    public void TheSchemasRejectAServerWithAMisspelledField(string release)
    {
        var server = JsonNode.Parse("""
            {"apiVersion": "policy.linkerd.io/v1beta1", "kind": "Server",
             "metadata": {"name": "x"},
             "spec": {"podSelector": {}, "port": "http", "proxyProtocl": "HTTP/1"}}
            """)!.AsObject();

        Assert.NotNull(new LinkerdSchemas(release).Validate(server));
    }

    private static bool IsLinkerd(JsonObject item) =>
        item["apiVersion"]!.GetValue<string>().StartsWith("policy.linkerd.io/", StringComparison.Ordinal);
}
