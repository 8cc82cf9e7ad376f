using Microsoft.Extensions.Options;
using Npgsql;

namespace Archives.Api.Documents;

/// <summary>
/// Deletes uploads left in <c>received</c>: the API stored them, then stopped before Ocr.Worker
/// took them, so their client never got a 2xx and nobody will ever read them.
/// </summary>
internal sealed class StaleUploadSweeper(
    DocumentStore store, IOptions<DocumentsOptions> options, ILogger<StaleUploadSweeper> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SweepInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var swept = await store.DeleteStaleReceivedAsync(
                    options.Value.StaleReceivedAfter, stoppingToken);
                if (swept > 0)
                {
                    Log.StaleUploadsSwept(logger, swept);
                }
            }
            catch (NpgsqlException exception)
            {
                Log.SweepFailed(logger, exception);
            }
        }
    }
}
