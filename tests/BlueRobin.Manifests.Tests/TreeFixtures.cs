using BlueRobin.Manifests.Cli;
using BlueRobin.Manifests.Tests.Support;

namespace BlueRobin.Manifests.Tests;

/// <summary>Generating and rendering costs seconds, so each tree is made once per test run.</summary>
public sealed class TreeFixtures
{
    private readonly Lazy<GeneratedTree> _modern =
        new(() => GeneratedTree.FromFixture(PolicyStyle.AuthorizationPolicy));
    private readonly Lazy<GeneratedTree> _legacy =
        new(() => GeneratedTree.FromFixture(PolicyStyle.ServerAuthorization));
    private readonly Lazy<GeneratedTree> _checkedIn = new(GeneratedTree.CheckedIn);

    public GeneratedTree Get(string name) => name switch
    {
        "authorization-policy" => _modern.Value,
        "server-authorization" => _legacy.Value,
        "checked-in" => _checkedIn.Value,
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    public static readonly IReadOnlyList<string> Names =
        ["authorization-policy", "server-authorization", "checked-in"];

    public static TheoryData<string> Trees => [.. Names];
}

[CollectionDefinition(Name)]
public sealed class TreeCollection : ICollectionFixture<TreeFixtures>
{
    public const string Name = "generated trees";
}
