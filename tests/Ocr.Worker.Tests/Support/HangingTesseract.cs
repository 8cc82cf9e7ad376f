namespace Ocr.Worker.Tests.Support;

/// <summary>
/// A tools folder whose <c>tesseract</c> never finishes: it starts a child that sleeps and
/// waits for it, writing both process ids first, so a test can check the whole tree was
/// stopped. It stands for a tool that is merely slow, which the real ones are on demand only
/// with documents far too slow for a test.
/// </summary>
internal sealed class HangingTesseract : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private readonly DirectoryInfo _directory;

    private HangingTesseract(DirectoryInfo directory) => _directory = directory;

    public string Directory => _directory.FullName;

    private string PidsFile => Path.Combine(Directory, "pids");

    public static HangingTesseract Create()
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("bluerobin-hanging-tools-");
        var script = Path.Combine(directory.FullName, "tesseract");
        // The ids are written to a side file and renamed, so a reader never sees half of them.
        File.WriteAllText(script, """
            #!/bin/sh
            here=$(dirname "$0")
            sleep 3600 &
            echo "$$ $!" > "$here/pids.tmp"
            mv "$here/pids.tmp" "$here/pids"
            wait
            """.ReplaceLineEndings("\n"));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        }

        return new HangingTesseract(directory);
    }

    /// <summary>The ids of the script and of its sleeping child, once it has started.</summary>
    public async Task<int[]> WaitForProcessIdsAsync()
    {
        using var deadline = new CancellationTokenSource(StartTimeout);
        while (!File.Exists(PidsFile))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20), deadline.Token);
        }

        var ids = (await File.ReadAllTextAsync(PidsFile, deadline.Token))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return [.. ids.Select(int.Parse)];
    }

    /// <summary>
    /// True while the process runs. A killed process whose parent has not collected it yet
    /// (a zombie, state Z) has stopped all the same.
    /// </summary>
    public static bool IsRunning(int processId)
    {
        var stat = $"/proc/{processId}/stat";
        try
        {
            var text = File.ReadAllText(stat);
            var state = text[(text.LastIndexOf(')') + 2)..].Split(' ')[0];
            return state is not ("Z" or "X");
        }
        catch (Exception exception) when (exception is IOException
            or UnauthorizedAccessException)
        {
            return false;
        }
    }

    public void Dispose() => _directory.Delete(recursive: true);
}
