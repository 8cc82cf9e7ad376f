using System.Diagnostics;
using Npgsql;

namespace BlueRobin.Testing;

/// <summary>
/// A real, throw-away PostgreSQL server from the machine's binaries, on a loopback port, with
/// its data directory under the temp folder. As root it runs as the <c>postgres</c> user,
/// since PostgreSQL refuses to run as root.
/// </summary>
public sealed class TemporaryPostgres : IAsyncDisposable
{
    private const string Password = "bluerobin-test";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly string _directory;
    private readonly int _port;

    private TemporaryPostgres(string directory, int port)
    {
        _directory = directory;
        _port = port;
    }

    public string ConnectionString => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = _port,
        Username = "postgres",
        Password = Password,
        Database = "postgres",
        Pooling = false,
    }.ConnectionString;

    /// <summary>A connection string for a fresh, empty database on this server.</summary>
    public async Task<string> CreateDatabaseAsync(string name)
    {
        await using (var connection = new NpgsqlConnection(ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(ConnectionString) { Database = name }
            .ConnectionString;
    }

    public static async Task<TemporaryPostgres> StartAsync()
    {
        var directory = Path.Combine(Path.GetTempPath(), $"bluerobin-pg-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        var server = new TemporaryPostgres(directory, LoopbackPort.Free());

        var passwordFile = Path.Combine(directory, "pwfile");
        await File.WriteAllTextAsync(passwordFile, Password);
        if (Environment.IsPrivilegedProcess)
        {
            await RunAsync("chown", "-R", "postgres:postgres", directory);
        }

        await server.RunPostgresToolAsync(
            "initdb", "-D", server.DataDirectory, "-U", "postgres", "--auth=scram-sha-256",
            $"--pwfile={passwordFile}", "--no-sync", "-E", "UTF8", "--locale=C.UTF-8");
        await server.StartServerAsync();
        return server;
    }

    /// <summary>Stops the server abruptly and starts it again on the same port and data.</summary>
    public async Task RestartAsync()
    {
        await RunPostgresToolAsync("pg_ctl", "-D", DataDirectory, "-m", "immediate", "stop");
        await StartServerAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await RunPostgresToolAsync("pg_ctl", "-D", DataDirectory, "-m", "immediate", "stop");
        Directory.Delete(_directory, recursive: true);
    }

    private string DataDirectory => Path.Combine(_directory, "data");

    private async Task StartServerAsync()
    {
        var options = $"-p {_port} -k {_directory} -c listen_addresses=127.0.0.1 -c fsync=off";
        await RunPostgresToolAsync(
            "pg_ctl", "-D", DataDirectory, "-o", options,
            "-l", Path.Combine(_directory, "server.log"), "-w", "start");

        using var timeout = new CancellationTokenSource(StartTimeout);
        while (true)
        {
            try
            {
                await using var connection = new NpgsqlConnection(ConnectionString);
                await connection.OpenAsync(timeout.Token);
                return;
            }
            catch (NpgsqlException) when (!timeout.IsCancellationRequested)
            {
                await Task.Delay(100, timeout.Token);
            }
        }
    }

    private Task RunPostgresToolAsync(string tool, params string[] arguments)
    {
        var path = Path.Combine(PostgresBinaries, tool);
        return Environment.IsPrivilegedProcess
            ? RunAsync("runuser", ["-u", "postgres", "--", path, .. arguments])
            : RunAsync(path, arguments);
    }

    private static string PostgresBinaries =>
        Environment.GetEnvironmentVariable("BLUEROBIN_POSTGRES_BIN")
        ?? Directory.GetDirectories("/usr/lib/postgresql").OrderDescending()
            .Select(version => Path.Combine(version, "bin"))
            .First(bin => File.Exists(Path.Combine(bin, "postgres")));

    private static async Task RunAsync(string fileName, params string[] arguments)
    {
        var start = new ProcessStartInfo(fileName, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{fileName} {string.Join(' ', arguments)} exited with {process.ExitCode}: "
                + await error + await output);
        }
    }
}
