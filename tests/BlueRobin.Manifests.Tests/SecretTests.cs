using BlueRobin.Manifests.Output;

namespace BlueRobin.Manifests.Tests;

[Collection(TreeCollection.Name)]
public sealed class SecretTests(TreeFixtures trees)
{
    [Theory]
    [InlineData("authorization-policy")]
    [InlineData("checked-in")]
    public void NoParameterValueAppearsInAnyFileButTheGitIgnoredOne(string name)
    {
        var tree = trees.Get(name);
        var overlay = Path.Combine(tree.Root, KustomizeWriter.LocalOverlay);
        var values = File.ReadAllLines(Path.Combine(overlay, ParametersFile.FileName))
            .Select(line => line[(line.IndexOf('=') + 1)..])
            .Where(value => value.Length > 0)
            .ToList();
        Assert.NotEmpty(values);

        foreach (var file in Directory.GetFiles(tree.Root, "*", SearchOption.AllDirectories)
            .Where(file => Path.GetFileName(file) != ParametersFile.FileName))
        {
            var text = File.ReadAllText(file);
            Assert.DoesNotContain(values, value => text.Contains(value, StringComparison.Ordinal));
        }

        // Rendered, the values live only base64-encoded inside the Secret.
        Assert.DoesNotContain(values, value => tree.Rendered.Contains(value, StringComparison.Ordinal));
        Assert.Equal("parameters.env\n", File.ReadAllText(Path.Combine(overlay, ".gitignore")));
    }

    [Fact]
    public void GitIgnoresTheLocalParametersFile()
    {
        var start = new System.Diagnostics.ProcessStartInfo("git")
        {
            WorkingDirectory = Support.RepositoryPaths.Root,
        };
        foreach (var argument in new[]
        {
            "check-ignore", "--quiet", "--no-index", "manifests/overlays/local/parameters.env",
        })
        {
            start.ArgumentList.Add(argument);
        }

        using var git = System.Diagnostics.Process.Start(start)!;
        git.WaitForExit();

        Assert.Equal(0, git.ExitCode);
    }
}

public sealed class RealmImportTests
{
    [Fact]
    public void CheckedInRealmImportCarriesNoUserPasswords()
    {
        var source = File.ReadAllText(Path.Combine(
            Support.RepositoryPaths.Root, "BlueRobin.AppHost", "Realms", "bluerobin-realm.json"));
        var imported = File.ReadAllText(Path.Combine(
            Support.RepositoryPaths.Manifests, "base", "identity", "import",
            "bluerobin-realm.json"));

        Assert.Contains("alice-dev-password", source);
        Assert.DoesNotContain("credentials", imported);
        Assert.DoesNotContain("dev-password", imported);
        Assert.Contains("\"username\": \"alice\"", imported);
    }

    [Fact]
    public void FilterLeavesFilesThatAreNotRealmExportsAsTheyAre()
    {
        var bytes = "{\"users\":[{\"credentials\":[]}]}"u8.ToArray();

        Assert.Same(bytes, Keycloak.RealmExportFilter.WithoutUserCredentials("x.json", bytes));
        Assert.Same(bytes, Keycloak.RealmExportFilter.WithoutUserCredentials("x.txt", bytes));
    }
}
