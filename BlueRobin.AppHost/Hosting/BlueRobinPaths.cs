using Microsoft.Extensions.Configuration;

namespace BlueRobin.AppHost.Hosting;

/// <summary>Where BlueRobin keeps machine-local state: never inside the repository.</summary>
public static class BlueRobinPaths
{
    public const string StateDirectorySetting = "BlueRobin:StateDirectory";

    public static string StateDirectory(IConfiguration configuration)
    {
        var configured = configuration[StateDirectorySetting];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Path.GetFullPath(configured);
        }

        // As root the PostgreSQL cluster belongs to the postgres user, who cannot enter /root.
        if (Environment.IsPrivilegedProcess)
        {
            return "/var/lib/bluerobin";
        }

        var dataHome = Environment.GetEnvironmentVariable("XDG_DATA_HOME");
        if (string.IsNullOrWhiteSpace(dataHome))
        {
            dataHome = Path.Combine(
                Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share");
        }

        return Path.Combine(dataHome, "bluerobin");
    }
}
