namespace Ocr.Worker.Tests.Support;

/// <summary>
/// A tools folder whose <c>tesseract</c> dies of SIGSEGV, to stand for the real one crashing:
/// the only way to make the real engine fail in a passing way on demand.
/// </summary>
internal sealed class CrashingTesseract : IDisposable
{
    private readonly DirectoryInfo _directory;

    private CrashingTesseract(DirectoryInfo directory) => _directory = directory;

    public string Directory => _directory.FullName;

    public static CrashingTesseract Create()
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("bluerobin-crashing-tools-");
        var script = Path.Combine(directory.FullName, "tesseract");
        File.WriteAllText(script, "#!/bin/sh\nkill -SEGV $$\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        }

        return new CrashingTesseract(directory);
    }

    public void Dispose() => _directory.Delete(recursive: true);
}
