using System.Diagnostics;
using Microsoft.Extensions.Configuration;

namespace BlueRobin.AppHost.Hosting;

/// <summary>
/// Whether BlueRobin's backing services run as containers (Keycloak, PostgreSQL) or as
/// machine-local stand-ins (BlueRobin.Identity, PostgreSQL from the machine's binaries).
/// </summary>
public enum HostingMode
{
    Auto,
    Containers,
    Local,
}

public sealed record HostingModeChoice(HostingMode Mode, string Reason);

public static class HostingModeDetector
{
    /// <summary>The setting that forces a mode: <c>BlueRobin__HostingMode=Local</c>.</summary>
    public const string SettingName = "BlueRobin:HostingMode";

    private static readonly TimeSpan EngineProbeTimeout = TimeSpan.FromSeconds(10);

    public static HostingModeChoice Choose(IConfiguration configuration, bool isPublishMode)
    {
        if (isPublishMode)
        {
            return new(HostingMode.Containers, "publishing describes the cluster");
        }

        var setting = configuration[SettingName];
        if (!string.IsNullOrWhiteSpace(setting))
        {
            if (!Enum.TryParse<HostingMode>(setting, ignoreCase: true, out var forced))
            {
                throw new InvalidOperationException(
                    $"{SettingName} is '{setting}'; expected Auto, Containers or Local.");
            }

            if (forced != HostingMode.Auto)
            {
                return new(forced, $"{SettingName} is {forced}");
            }
        }

        var runtime = configuration["ASPIRE_CONTAINER_RUNTIME"] ?? "docker";
        return ContainerEngineAnswers(runtime)
            ? new(HostingMode.Containers, $"`{runtime} info` found a running container engine")
            : new(HostingMode.Local, $"`{runtime} info` found no running container engine");
    }

    private static bool ContainerEngineAnswers(string runtime)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(runtime, ["info"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            });
            if (process is null)
            {
                return false;
            }

            process.StandardOutput.ReadToEndAsync();
            process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(EngineProbeTimeout))
            {
                process.Kill(entireProcessTree: true);
                return false;
            }

            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // The client is not installed at all.
            return false;
        }
    }
}
