using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BlueRobin.AppHost.Postgres;

/// <summary>
/// Shuts the local PostgreSQL server down cleanly when the AppHost stops. Registered after
/// Aspire's own services, it stops before them, while the orchestrator still runs.
/// </summary>
internal sealed class LocalPostgresShutdown(
    LocalPostgresCluster cluster, ILogger<LocalPostgresShutdown> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) =>
        cluster.StopAsync(logger, cancellationToken);
}
