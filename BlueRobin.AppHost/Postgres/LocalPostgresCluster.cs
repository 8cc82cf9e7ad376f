using System.Diagnostics;
using System.Security.Cryptography;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Logging;

namespace BlueRobin.AppHost.Postgres;

/// <summary>
/// The files of a local PostgreSQL cluster: <c>data/</c> (PGDATA), <c>sockets/</c> and the
/// superuser's password. As root, the cluster belongs to the <c>postgres</c> user, because
/// PostgreSQL refuses to run as root.
/// </summary>
public sealed class LocalPostgresCluster(string directory)
{
    private const string ServiceUser = "postgres";

    public string Directory { get; } = Path.GetFullPath(directory);

    public string DataDirectory => Path.Combine(Directory, "data");

    public string SocketDirectory => Path.Combine(Directory, "sockets");


    public static bool RunsAsServiceUser => Environment.IsPrivilegedProcess;

    private static readonly Lazy<string> s_binaries = new(FindBinaries);

    public static string Binaries => s_binaries.Value;

    /// <summary>The superuser's password, created once with the cluster and kept beside it.</summary>
    public string ReadOrCreatePassword() => ReadOrCreatePassword("superuser");

    /// <summary>A role's password, created on first use and kept beside the cluster (0600).</summary>
    public string ReadOrCreatePassword(string role)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var file = Path.Combine(Directory, $"{role}-password");
        if (!File.Exists(file))
        {
            File.WriteAllText(file, Convert.ToHexString(RandomNumberGenerator.GetBytes(24)));
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }

        return File.ReadAllText(file).Trim();
    }

    /// <summary>Runs initdb the first time, and stops a server a crashed AppHost left running.</summary>
    public async Task PrepareAsync(ILogger logger, CancellationToken cancellationToken)
    {
        System.IO.Directory.CreateDirectory(SocketDirectory);
        var password = ReadOrCreatePassword();

        if (!File.Exists(Path.Combine(DataDirectory, "PG_VERSION")))
        {
            await InitializeAsync(password, logger, cancellationToken);
        }
        else if (File.Exists(Path.Combine(DataDirectory, "postmaster.pid")))
        {
            // A server whose AppHost was killed keeps running and holds the data directory;
            // pg_ctl stops it only if it is really alive, and a stale pid file is harmless.
            await RunToolAsync("pg_ctl", ["-D", DataDirectory, "-m", "fast", "stop"],
                logger, cancellationToken, failOnError: false);
        }
    }

    /// <summary>
    /// Stops the server with a fast shutdown (clients disconnected, a checkpoint written), so
    /// the next start needs no crash recovery. The orchestrator's own stop is a SIGTERM, which
    /// PostgreSQL reads as "wait until every client has left", longer than it is given.
    /// </summary>
    public Task StopAsync(ILogger logger, CancellationToken cancellationToken) =>
        File.Exists(Path.Combine(DataDirectory, "postmaster.pid"))
            ? RunToolAsync("pg_ctl", ["-D", DataDirectory, "-m", "fast", "-w", "stop"],
                logger, cancellationToken, failOnError: false)
            : Task.CompletedTask;

    public IEnumerable<string> ServerCommandLine(int port)
    {
        var postgres = Path.Combine(Binaries, "postgres");
        string[] arguments =
        [
            "-D", DataDirectory, "-p", port.ToString(), "-k", SocketDirectory,
            "-c", "listen_addresses=127.0.0.1",
        ];
        return RunsAsServiceUser
            ? ["--reuid", ServiceUser, "--regid", ServiceUser, "--init-groups", "--",
               postgres, .. arguments]
            : arguments;
    }

    // setpriv changes user and then becomes postgres (exec, no child process), so the
    // orchestrator's stop signal reaches the server itself and it shuts down cleanly; runuser
    // would stay in between and kill the server when its own grace period ran out.
    public static string ServerExecutable =>
        RunsAsServiceUser ? "setpriv" : Path.Combine(Binaries, "postgres");

    private async Task InitializeAsync(
        string password, ILogger logger, CancellationToken cancellationToken)
    {
        logger.LogInformation("Creating a PostgreSQL cluster in {DataDirectory}", DataDirectory);

        var passwordFile = Path.Combine(Directory, "initdb-password");
        await File.WriteAllTextAsync(passwordFile, password, cancellationToken);
        try
        {
            if (RunsAsServiceUser)
            {
                await RunAsync("chown", ["-R", $"{ServiceUser}:{ServiceUser}", Directory],
                    logger, cancellationToken);
            }

            await RunToolAsync("initdb",
                ["-D", DataDirectory, "-U", LocalPostgresServerResource.UserName, "--auth=scram-sha-256",
                 $"--pwfile={passwordFile}", "-E", "UTF8", "--locale=C.UTF-8"],
                logger, cancellationToken);
        }
        finally
        {
            File.Delete(passwordFile);
        }
    }

    private Task RunToolAsync(
        string tool, string[] arguments, ILogger logger, CancellationToken cancellationToken,
        bool failOnError = true)
    {
        var path = Path.Combine(Binaries, tool);
        return RunsAsServiceUser
            ? RunAsync("runuser", ["-u", ServiceUser, "--", path, .. arguments],
                logger, cancellationToken, failOnError)
            : RunAsync(path, arguments, logger, cancellationToken, failOnError);
    }

    private static async Task RunAsync(
        string fileName, string[] arguments, ILogger logger, CancellationToken cancellationToken,
        bool failOnError = true)
    {
        var start = new ProcessStartInfo(fileName, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)
            ?? throw new InvalidOperationException($"Could not start {fileName}.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);

        var text = (await output + await error).Trim();
        if (text.Length > 0)
        {
            logger.LogInformation("{Tool}: {Output}", Path.GetFileName(fileName), text);
        }

        if (failOnError && process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{Path.GetFileName(fileName)} exited with code {process.ExitCode}: {text}");
        }
    }

    private static string FindBinaries()
    {
        const string root = "/usr/lib/postgresql";
        var bin = System.IO.Directory.Exists(root)
            ? System.IO.Directory.GetDirectories(root)
                .OrderByDescending(path => int.TryParse(Path.GetFileName(path), out var v) ? v : 0)
                .Select(version => Path.Combine(version, "bin"))
                .FirstOrDefault(path => File.Exists(Path.Combine(path, "postgres")))
            : null;

        return bin ?? throw new InvalidOperationException(
            "No PostgreSQL server binaries were found under /usr/lib/postgresql. "
            + "Install them with: apt-get install -y postgresql");
    }
}
