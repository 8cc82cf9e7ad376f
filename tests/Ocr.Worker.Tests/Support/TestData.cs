namespace Ocr.Worker.Tests.Support;

/// <summary>The shared real documents beside the repository (<c>../shared/data</c>).</summary>
internal static class TestData
{
    private static readonly Lazy<string> Folder = new(() =>
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null
            && !File.Exists(Path.Combine(directory.FullName, "BlueRobin.sln")))
        {
            directory = directory.Parent;
        }

        if (directory?.Parent is null)
        {
            throw new DirectoryNotFoundException("No BlueRobin.sln above the test binaries.");
        }

        return Path.Combine(directory.Parent.FullName, "shared", "data");
    });

    public static string PathOf(string fileName) => Path.Combine(Folder.Value, fileName);

    public static byte[] Read(string fileName) => File.ReadAllBytes(PathOf(fileName));

    public static string ReadText(string fileName) => File.ReadAllText(PathOf(fileName));
}
