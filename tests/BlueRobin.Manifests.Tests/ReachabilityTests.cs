using BlueRobin.Manifests.Tests.Support;

namespace BlueRobin.Manifests.Tests;

[Collection(TreeCollection.Name)]
public sealed class ReachabilityTests(TreeFixtures trees)
{
    private static readonly Caller Traefik =
        new("traefik", "traefik", new Dictionary<string, string> { ["app.kubernetes.io/name"] = "traefik" });

    public static TheoryData<string, string, string, int, bool> Table
    {
        get
        {
            var data = new TheoryData<string, string, string, int, bool>();
            foreach (var style in new[] { "authorization-policy", "server-authorization" })
            {
                data.Add(style, "archives-api", "ocr-worker", 8080, true);
                data.Add(style, "ocr-worker", "archives-api", 8080, false);
                data.Add(style, "archives-api", "postgres", 5432, true);
                data.Add(style, "ocr-worker", "postgres", 5432, true);
                data.Add(style, "identity", "postgres", 5432, false);
                data.Add(style, "archives-api", "identity", 8080, true);
                data.Add(style, "archives-api", "identity", 9000, false);
                data.Add(style, "postgres", "archives-api", 8080, false);
                data.Add(style, "archives-api", "ocr-worker", 8081, false);
                data.Add(style, "archives-api", "ocr-worker", 9999, false);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Table))]
    public void WorkloadsReachExactlyWhatTheAppHostReferences(
        string style, string caller, string callee, int port, bool allowed)
    {
        var evaluator = new ReachabilityEvaluator(trees.Get(style).Objects);

        var answer = evaluator.MayReach(evaluator.Workload(caller)!, callee, port);

        Assert.Equal(allowed, answer);
    }

    [Theory]
    [InlineData("authorization-policy")]
    [InlineData("server-authorization")]
    public void AnUnknownServiceAccountReachesNothing(string style)
    {
        var evaluator = new ReachabilityEvaluator(trees.Get(style).Objects);
        var stranger = new Caller("intruder", "data-layer",
            new Dictionary<string, string> { ["app.kubernetes.io/name"] = "archives-api" });

        foreach (var (callee, port) in new[]
        {
            ("archives-api", 8080), ("ocr-worker", 8080), ("postgres", 5432), ("identity", 8080),
        })
        {
            Assert.False(evaluator.MayReach(stranger, callee, port), $"intruder reached {callee}");
        }
    }

    [Theory]
    [InlineData("authorization-policy")]
    [InlineData("server-authorization")]
    public void TheIngressControllerReachesOnlyThePublicServices(string style)
    {
        var evaluator = new ReachabilityEvaluator(trees.Get(style).Objects);

        Assert.True(evaluator.MayReach(Traefik, "archives-api", 8080));
        Assert.True(evaluator.MayReach(Traefik, "identity", 8080));
        Assert.False(evaluator.MayReach(Traefik, "identity", 9000));
        Assert.False(evaluator.MayReach(Traefik, "ocr-worker", 8080));
        Assert.False(evaluator.MayReach(Traefik, "postgres", 5432));
    }
}
