using System.Diagnostics;

namespace BlueRobin.Manifests.Tests.Support;

public static class Kubectl
{
    private static readonly TimeSpan RenderTimeout = TimeSpan.FromMinutes(2);

    public static string Kustomize(string folder)
    {
        var start = new ProcessStartInfo("kubectl")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add("kustomize");
        start.ArgumentList.Add(folder);

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(RenderTimeout))
        {
            process.Kill();
            throw new TimeoutException($"kubectl kustomize {folder} did not finish.");
        }

        Assert.True(process.ExitCode == 0, $"kubectl kustomize {folder} failed: {errors.Result}");
        return output.Result;
    }
}
