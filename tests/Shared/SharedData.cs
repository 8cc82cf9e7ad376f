namespace BlueRobin.Testing;

/// <summary>
/// The real scanned pages and PDFs in <c>../shared/data</c> beside the repository, read as
/// they are (never written: in CI that folder is read-only).
/// </summary>
public static class SharedData
{
    private static readonly Lazy<string> s_directory = new(FindDirectory);

    public static string Directory => s_directory.Value;

    public static string PathOf(string fileName) => Path.Combine(Directory, fileName);

    public static string RepositoryRoot
    {
        get
        {
            for (var folder = new DirectoryInfo(AppContext.BaseDirectory);
                 folder is not null;
                 folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "BlueRobin.sln")))
                {
                    return folder.FullName;
                }
            }

            throw new InvalidOperationException(
                $"No BlueRobin.sln above {AppContext.BaseDirectory}.");
        }
    }

    private static string FindDirectory()
    {
        var directory = Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "data"));
        return System.IO.Directory.Exists(directory)
            ? directory
            : throw new InvalidOperationException(
                $"The shared test data is missing: expected {directory} beside the repository.");
    }
}
