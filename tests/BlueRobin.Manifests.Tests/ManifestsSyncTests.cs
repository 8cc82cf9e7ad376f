using BlueRobin.Manifests.Aspire;
using BlueRobin.Manifests.Cli;
using BlueRobin.Manifests.Output;
using BlueRobin.Manifests.Tests.Support;

namespace BlueRobin.Manifests.Tests;

public sealed class ManifestsSyncTests
{
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task CheckedInManifestsMatchWhatTheAppHostGeneratesNow()
    {
        var scratch = RepositoryPaths.NewTemporaryFolder();
        using var timeout = new CancellationTokenSource(PublishTimeout);
        var manifestPath = await AppHostPublisher.PublishAsync(
            Path.Combine(RepositoryPaths.Root, "BlueRobin.AppHost"), scratch, timeout.Token);
        var output = Path.Combine(scratch, "manifests");

        ManifestGenerator.Generate(
            AspireManifestReader.Read(manifestPath),
            new GenerateOptions { OutputPath = output, NonInteractive = true });

        var expected = Files(output);
        var actual = Files(RepositoryPaths.Manifests);
        Assert.Equal(expected.Keys, actual.Keys);
        foreach (var (file, content) in expected)
        {
            Assert.True(content == actual[file],
                $"manifests/{file} is out of date: run the generator (see README).");
        }
    }

    private static SortedDictionary<string, string> Files(string root)
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(root, "*", SearchOption.AllDirectories))
        {
            if (Path.GetFileName(file) != ParametersFile.FileName)
            {
                files[Path.GetRelativePath(root, file).Replace('\\', '/')] = File.ReadAllText(file);
            }
        }

        return files;
    }
}
