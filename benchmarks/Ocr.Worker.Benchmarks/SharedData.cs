namespace Ocr.Worker.Benchmarks;

/// <summary>The shared real documents beside the repository (<c>../shared/data</c>).</summary>
internal static class SharedData
{
    public static string PathOf(string fileName)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null
            && !File.Exists(Path.Combine(directory.FullName, "BlueRobin.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.Parent is null
            ? throw new DirectoryNotFoundException("No BlueRobin.sln above the benchmark.")
            : Path.Combine(directory.Parent.FullName, "shared", "data", fileName);
    }
}
