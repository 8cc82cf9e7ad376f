using System.Diagnostics;

namespace BlueRobin.AppHost.Hosting;

/// <summary>
/// Makes sure the machine has the Debian packages BlueRobin runs on before anything starts,
/// through the same script the tests use (<c>eng/install-prerequisites.sh</c>).
/// </summary>
public static class Prerequisites
{
    private static readonly string[] RequiredCommands = ["tesseract", "pdftoppm", "pdfinfo"];

    public static void EnsureInstalled(string appHostDirectory, HostingMode mode)
    {
        if (!OperatingSystem.IsLinux() || AllPresent(mode))
        {
            return;
        }

        var script = Path.GetFullPath(
            Path.Combine(appHostDirectory, "..", "eng", "install-prerequisites.sh"));
        using var process = Process.Start(new ProcessStartInfo("bash", [script]))
            ?? throw new InvalidOperationException($"Could not run {script}.");
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"BlueRobin's prerequisites are missing; {script} said what to install.");
        }
    }

    private static bool AllPresent(HostingMode mode)
    {
        var path = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator);
        var commandsPresent = RequiredCommands.All(command =>
            path.Any(folder => File.Exists(Path.Combine(folder, command))));
        var postgresPresent = mode != HostingMode.Local
            || Directory.Exists("/usr/lib/postgresql")
                && Directory.EnumerateFiles("/usr/lib/postgresql", "postgres",
                    SearchOption.AllDirectories).Any();
        return commandsPresent && postgresPresent;
    }
}
