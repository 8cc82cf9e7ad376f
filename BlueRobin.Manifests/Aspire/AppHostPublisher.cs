using System.Diagnostics;

namespace BlueRobin.Manifests.Aspire;

/// <summary>Runs the AppHost's manifest publisher, which describes the app in publish mode.</summary>
public static class AppHostPublisher
{
    public static async Task<string> PublishAsync(
        string appHostProject, string outputDirectory, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(outputDirectory);
        var manifestPath = Path.Combine(outputDirectory, "aspire-manifest.json");

        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[]
        {
            "run", "--project", appHostProject, "--",
            "--publisher", "manifest", "--output-path", manifestPath,
        })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)
            ?? throw new InvalidOperationException("Could not start 'dotnet run'.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);

        if (process.ExitCode != 0 || !File.Exists(manifestPath))
        {
            throw new InvalidOperationException(
                $"The AppHost's manifest publisher failed (exit {process.ExitCode}):\n"
                + await output + await errors);
        }

        return manifestPath;
    }
}
