using BlueRobin.Documents;
using Npgsql;

namespace Archives.Api.Hosting;

/// <summary>
/// Applies the archive schema before the API takes requests. PostgreSQL may still be starting
/// (the AppHost starts both at once), so a refused connection means "wait", not "fail".
/// </summary>
internal sealed class ArchiveSchemaInitializer(
    NpgsqlDataSource dataSource, ILogger<ArchiveSchemaInitializer> logger) : IHostedService
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(2);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await ArchiveSchema.EnsureCreatedAsync(dataSource, cancellationToken);
                Log.SchemaReady(logger);
                return;
            }
            catch (NpgsqlException exception) when (!cancellationToken.IsCancellationRequested)
            {
                Log.SchemaNotReady(logger, attempt, RetryDelay, exception);
            }

            await Task.Delay(RetryDelay, cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
