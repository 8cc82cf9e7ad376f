namespace BlueRobin.Manifests.Tests.Support;

public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Manifests => Path.Combine(Root, "manifests");

    public static string LinkerdSchemas =>
        Path.Combine(Root, "..", "shared", "k8s-schemas", "linkerd");

    public static string Fixture(string name) =>
        Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    public static string NewTemporaryFolder()
    {
        var path = Path.Combine(Path.GetTempPath(), $"bluerobin-manifests-tests-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        return path;
    }

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null;
             folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "BlueRobin.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("No folder above the tests holds BlueRobin.sln.");
    }
}
