using BlueRobin.Manifests.Aspire;
using BlueRobin.Manifests.Cli;
using BlueRobin.Manifests.Model;
using BlueRobin.Manifests.Output;

namespace BlueRobin.Manifests.Tests.Support;

/// <summary>A Kustomize tree generated from the test's Aspire manifest, rendered once.</summary>
public sealed class GeneratedTree
{
    private GeneratedTree(string root, AppModel? model, GenerateOptions options)
    {
        Root = root;
        Model = model;
        Options = options;
        PrepareLocalParameters(root);
        Rendered = Kubectl.Kustomize(Path.Combine(root, KustomizeWriter.LocalOverlay));
        Objects = YamlDocuments.Parse(Rendered);
    }

    public string Root { get; }
    /// <summary>The generator's model; null for the checked-in tree.</summary>
    public AppModel? Model { get; }
    public GenerateOptions Options { get; }
    public string Rendered { get; }
    public IReadOnlyList<System.Text.Json.Nodes.JsonObject> Objects { get; }

    public static GeneratedTree FromFixture(PolicyStyle style)
    {
        var root = RepositoryPaths.NewTemporaryFolder();
        var options = new GenerateOptions
        {
            OutputPath = root,
            PolicyStyle = style,
            NonInteractive = true,
        };
        var manifest = AspireManifestReader.Read(RepositoryPaths.Fixture("aspire-manifest.json"));
        return new GeneratedTree(root, ManifestGenerator.Generate(manifest, options), options);
    }

    /// <summary>The checked-in tree, copied so that its git-ignored parameters can be made.</summary>
    public static GeneratedTree CheckedIn()
    {
        var root = RepositoryPaths.NewTemporaryFolder();
        CopyFolder(RepositoryPaths.Manifests, root);
        return new GeneratedTree(root, model: null, new GenerateOptions());
    }

    /// <summary>Makes parameters.env from the keys that parameters.env.example lists.</summary>
    public static void PrepareLocalParameters(string root)
    {
        var overlay = Path.Combine(root, KustomizeWriter.LocalOverlay);
        var keys = File.ReadAllLines(Path.Combine(overlay, ParametersFile.ExampleFileName))
            .Where(line => !line.StartsWith('#') && line.EndsWith('='))
            .Select(line => new SecretParameter(line.TrimEnd('='), null, 22));
        ParametersFile.EnsureLocalValues(
            Path.Combine(overlay, ParametersFile.FileName), [.. keys]);
    }

    public static void CopyFolder(string source, string target)
    {
        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination, overwrite: true);
        }
    }
}
