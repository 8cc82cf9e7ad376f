using System.Net;
using System.Net.Sockets;
using BlueRobin.AppHost.Postgres;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Aspire.Hosting;

public static class LocalPostgresBuilderExtensions
{
    /// <summary>
    /// Adds a PostgreSQL server run from the machine's binaries, with its cluster in
    /// <paramref name="directory"/> (created with initdb on first start).
    /// </summary>
    public static IResourceBuilder<LocalPostgresServerResource> AddLocalPostgres(
        this IDistributedApplicationBuilder builder, string name, string directory)
    {
        var cluster = new LocalPostgresCluster(directory);
        var password = builder.AddParameter(
            $"{name}-password", cluster.ReadOrCreatePassword, secret: true);
        var server = new LocalPostgresServerResource(
            name, LocalPostgresCluster.ServerExecutable, cluster.Directory, password.Resource);

        // Not proxied: the port is chosen here so that the server's own command line names it.
        var port = FreeLoopbackPort();
        var healthCheckKey = $"{name}_ready";
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
            healthCheckKey,
            _ => new PostgresReadyHealthCheck(server),
            failureStatus: null,
            tags: null));

        if (builder.ExecutionContext.IsRunMode)
        {
            builder.Services.AddHostedService(services => new LocalPostgresShutdown(
                cluster, services.GetRequiredService<ILogger<LocalPostgresShutdown>>()));
        }

        builder.Eventing.Subscribe<BeforeResourceStartedEvent>(server, async (@event, ct) =>
        {
            var logger = @event.Services.GetRequiredService<ResourceLoggerService>()
                .GetLogger(server);
            await cluster.PrepareAsync(logger, ct);
        });

        return builder.AddResource(server)
            .WithEndpoint(LocalPostgresServerResource.EndpointName, endpoint =>
            {
                endpoint.UriScheme = "tcp";
                endpoint.Port = port;
                endpoint.TargetPort = port;
                endpoint.IsProxied = false;
            })
            .WithArgs(cluster.ServerCommandLine(port).ToArray())
            .WithHealthCheck(healthCheckKey);
    }

    /// <summary>
    /// Adds a database that is created on the server once the server is ready. Resources that
    /// wait for it start only when it exists.
    /// </summary>
    public static IResourceBuilder<LocalPostgresDatabaseResource> AddDatabase(
        this IResourceBuilder<LocalPostgresServerResource> server,
        string name, string? databaseName = null)
    {
        var builder = server.ApplicationBuilder;
        var cluster = new LocalPostgresCluster(server.Resource.DataDirectory);
        databaseName ??= name;
        var ownerPassword = builder.AddParameter($"{name}-owner-password",
            () => cluster.ReadOrCreatePassword($"{databaseName}_owner"), secret: true);
        var database = new LocalPostgresDatabaseResource(
            name, databaseName, server.Resource, ownerPassword.Resource);

        var healthCheckKey = $"{name}_ready";
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
            healthCheckKey,
            _ => new PostgresReadyHealthCheck(database),
            failureStatus: null,
            tags: null));

        builder.Eventing.Subscribe<ResourceReadyEvent>(server.Resource, async (@event, ct) =>
        {
            await CreateDatabaseIfMissingAsync(database, ct);
            await @event.Services.GetRequiredService<ResourceNotificationService>()
                .PublishUpdateAsync(database, snapshot => snapshot with
                {
                    State = KnownResourceStates.Running,
                    StartTimeStamp = DateTime.UtcNow,
                });
        });

        return builder.AddResource(database)
            .WithParentRelationship(server)
            .WithInitialState(new CustomResourceSnapshot
            {
                ResourceType = "PostgresDatabase",
                State = KnownResourceStates.Waiting,
                Properties = [],
            })
            .WithHealthCheck(healthCheckKey);
    }

    /// <summary>
    /// Creates the owner role and the database when missing, and keeps the role's password in
    /// step with the one the AppHost hands out.
    /// </summary>
    private static async Task CreateDatabaseIfMissingAsync(
        LocalPostgresDatabaseResource database, CancellationToken cancellationToken)
    {
        var serverConnectionString = await database.Parent.ConnectionStringExpression
            .GetValueAsync(cancellationToken);
        var password = await database.OwnerPassword.GetValueAsync(cancellationToken);
        await using var connection = new NpgsqlConnection(serverConnectionString);
        await connection.OpenAsync(cancellationToken);

        var quote = new NpgsqlCommandBuilder();
        var owner = quote.QuoteIdentifier(database.OwnerName);
        var ownerExists = await ExistsAsync(
            connection, "SELECT 1 FROM pg_roles WHERE rolname = @name", database.OwnerName,
            cancellationToken);
        // DDL takes no parameters; the password is hex from a random generator, and doubled
        // quotes keep any other text a literal.
        var literal = $"'{password?.Replace("'", "''")}'";
        await ExecuteAsync(connection, ownerExists
            ? $"ALTER ROLE {owner} WITH LOGIN PASSWORD {literal}"
            : $"CREATE ROLE {owner} WITH LOGIN PASSWORD {literal}", cancellationToken);

        var name = quote.QuoteIdentifier(database.DatabaseName);
        var databaseExists = await ExistsAsync(
            connection, "SELECT 1 FROM pg_database WHERE datname = @name", database.DatabaseName,
            cancellationToken);
        await ExecuteAsync(connection, databaseExists
            ? $"ALTER DATABASE {name} OWNER TO {owner}"
            : $"CREATE DATABASE {name} OWNER {owner}", cancellationToken);
    }

    private static async Task<bool> ExistsAsync(NpgsqlConnection connection, string sql,
        string name, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("name", name);
        return await command.ExecuteScalarAsync(cancellationToken) is not null;
    }

    private static async Task ExecuteAsync(
        NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
