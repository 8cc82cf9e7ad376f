using System.Text.RegularExpressions;

namespace Ocr.Worker.Ocr;

/// <summary>
/// The private folders jobs work in, <c>bluerobin-ocr-&lt;guid&gt;</c> under the work root.
/// A job deletes its own; a worker killed mid-job cannot, so the next one sweeps them.
/// </summary>
public static partial class WorkFolders
{
    private const string Prefix = "bluerobin-ocr-";

    public static string RootOf(OcrOptions options) =>
        string.IsNullOrEmpty(options.WorkRoot) ? Path.GetTempPath() : options.WorkRoot;

    /// <summary>A folder only this user can enter: documents are private to their owners.</summary>
    public static DirectoryInfo Create(OcrOptions options)
    {
        var path = Path.Combine(RootOf(options), $"{Prefix}{Guid.NewGuid():N}");
        return OperatingSystem.IsWindows()
            ? Directory.CreateDirectory(path)
            : Directory.CreateDirectory(
                path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    /// <summary>
    /// Job folders under the work root last written before <paramref name="cutoff"/>. Links
    /// are left out: a folder of that name linking elsewhere was not made by a job.
    /// </summary>
    public static IReadOnlyList<DirectoryInfo> LeftOverSince(OcrOptions options, DateTime cutoff)
    {
        var root = new DirectoryInfo(RootOf(options));
        if (!root.Exists)
        {
            return [];
        }

        return root.EnumerateDirectories(Prefix + "*")
            .Where(folder => JobFolderName().IsMatch(folder.Name))
            .Where(folder => folder.LinkTarget is null)
            .Where(folder => folder.LastWriteTimeUtc < cutoff)
            .ToList();
    }

    [GeneratedRegex("^bluerobin-ocr-[0-9a-f]{32}$")]
    private static partial Regex JobFolderName();
}
