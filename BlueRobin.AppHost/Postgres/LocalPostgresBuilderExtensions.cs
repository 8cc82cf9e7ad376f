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
        var database = new LocalPostgresDatabaseResource(
            name, databaseName ?? name, server.Resource);
        server.Resource.Databases[name] = database.DatabaseName;

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

    private static async Task CreateDatabaseIfMissingAsync(
        LocalPostgresDatabaseResource database, CancellationToken cancellationToken)
    {
        var serverConnectionString = await database.Parent.ConnectionStringExpression
            .GetValueAsync(cancellationToken);
        await using var connection = new NpgsqlConnection(serverConnectionString);
        await connection.OpenAsync(cancellationToken);

        await using var exists = new NpgsqlCommand(
            "SELECT 1 FROM pg_database WHERE datname = @name", connection);
        exists.Parameters.AddWithValue("name", database.DatabaseName);
        if (await exists.ExecuteScalarAsync(cancellationToken) is not null)
        {
            return;
        }

        var quotedName = new NpgsqlCommandBuilder().QuoteIdentifier(database.DatabaseName);
        await using var create = new NpgsqlCommand($"CREATE DATABASE {quotedName}", connection);
        await create.ExecuteNonQueryAsync(cancellationToken);
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
