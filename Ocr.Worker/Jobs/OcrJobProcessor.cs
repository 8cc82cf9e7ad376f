using System.Diagnostics;
using System.Globalization;
using BlueRobin.Documents;
using Microsoft.Extensions.Options;
using Npgsql;
using Ocr.Worker.Ocr;

namespace Ocr.Worker.Jobs;

/// <summary>
/// Reads queued documents one at a time. It wakes on <see cref="OcrJobSignal"/> and polls,
/// so jobs left by a crashed worker (expired leases) and jobs queued while it was down are
/// picked up. A database outage is waited out with back-off; it never stops the host.
/// </summary>
public sealed class OcrJobProcessor(
    DocumentQueue queue,
    OcrEngine engine,
    OcrJobSignal signal,
    NpgsqlDataSource dataSource,
    IOptions<OcrOptions> options,
    ILogger<OcrJobProcessor> logger) : BackgroundService
{
    private static readonly TimeSpan FirstBackoff = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    /// <summary>Well inside the host's shutdown timeout (30 s by default).</summary>
    private static readonly TimeSpan ReleaseTimeout = TimeSpan.FromSeconds(5);

    private readonly OcrOptions _options = options.Value;

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        RemoveLeftOverWorkFolders();
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var schemaReady = false;
        var backoff = TimeSpan.Zero;

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!schemaReady)
                {
                    await ArchiveSchema.EnsureCreatedAsync(dataSource, stoppingToken);
                    schemaReady = true;
                    logger.SchemaReady();
                }

                await DrainQueueAsync(stoppingToken);
                backoff = TimeSpan.Zero;
                await signal.WaitAsync(_options.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                // A job cut short by the stop was handed back already (ReleaseOnShutdownAsync).
                return;
            }
            catch (NpgsqlException exception)
            {
                backoff = NextBackoff(backoff);
                logger.DatabaseUnavailable(exception, (long)backoff.TotalMilliseconds);
                await Task.Delay(backoff, stoppingToken)
                    .ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
            catch (Exception exception)
            {
                backoff = NextBackoff(backoff);
                logger.QueueError(exception, (long)backoff.TotalMilliseconds);
                await Task.Delay(backoff, stoppingToken)
                    .ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    private async Task DrainQueueAsync(CancellationToken stoppingToken)
    {
        while (await queue.ClaimNextAsync(_options.LeaseDuration, stoppingToken) is { } job)
        {
            await ProcessAsync(job, stoppingToken);
        }
    }

    private async Task ProcessAsync(ClaimedJob job, CancellationToken stoppingToken)
    {
        // The job runs later and elsewhere, but belongs to the upload: continue its trace.
        ActivityContext.TryParse(job.TraceParent, traceState: null, out var upload);
        using var activity = OcrTelemetry.Source.StartActivity(
            "ocr job", ActivityKind.Consumer, upload);
        activity?.SetTag("bluerobin.document.id", job.DocumentId);
        activity?.SetTag("bluerobin.ocr.attempt", job.Attempt);
        logger.JobClaimed(job.DocumentId, job.Attempt);

        // Claimed more often than allowed means earlier workers died on it (killed, out of
        // memory): running it again could kill this one too.
        if (job.Attempt > _options.MaxAttempts)
        {
            logger.JobAbandoned(job.DocumentId, job.Attempt);
            await queue.FailAsync(job, $"The worker stopped while reading the document "
                + $"{job.Attempt - 1} times; it was given up.", stoppingToken);
            return;
        }

        var stopwatch = Stopwatch.StartNew();
        string? text;
        try
        {
            text = await ReadKeepingLeaseAsync(job, stoppingToken);
        }
        catch (OcrException exception)
        {
            activity?.SetStatus(ActivityStatusCode.Error, exception.Reason);
            await RecordFailureAsync(job, exception, stoppingToken);
            return;
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            await ReleaseOnShutdownAsync(job);
            throw;
        }

        if (text is null)
        {
            return;
        }

        if (await queue.CompleteAsync(job, text, stoppingToken))
        {
            logger.JobDone(job.DocumentId, text.Length, stopwatch.ElapsedMilliseconds);
        }
        else
        {
            // Another worker reclaimed the job meanwhile; its result is the one that counts.
            logger.LeaseLost(job.DocumentId, job.Attempt);
        }
    }

    /// <summary>
    /// Hands the job back when the worker is stopped on purpose, so that the next worker takes
    /// it at once instead of after the lease; a crash still leaves it to the lease.
    /// </summary>
    private async Task ReleaseOnShutdownAsync(ClaimedJob job)
    {
        using var release = new CancellationTokenSource(ReleaseTimeout);
        try
        {
            if (await queue.ReleaseAsync(job, release.Token))
            {
                logger.JobReleased(job.DocumentId);
            }
        }
        catch (Exception exception) when (exception is NpgsqlException
            or OperationCanceledException)
        {
            logger.JobReleaseFailed(exception, job.DocumentId);
        }
    }

    /// <summary>
    /// Reads the document while renewing its lease, so that a long document is not reclaimed
    /// by another worker; returns null if the lease was lost anyway.
    /// </summary>
    private async Task<string?> ReadKeepingLeaseAsync(
        ClaimedJob job, CancellationToken stoppingToken)
    {
        using var overtime = new CancellationTokenSource(_options.MaxJobDuration);
        using var reading =
            CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, overtime.Token);
        var renewals = RenewLeaseWhileReadingAsync(job, reading);
        try
        {
            return await engine.ReadTextAsync(job.Content, reading.Token);
        }
        catch (OperationCanceledException) when (
            overtime.IsCancellationRequested && !stoppingToken.IsCancellationRequested)
        {
            // The same file would be as slow next time: retrying would only hold the queue again.
            throw OcrException.Permanent(
                $"Reading the document took longer than the limit of "
                + $"{Describe(_options.MaxJobDuration)}; it was stopped.");
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            logger.LeaseLost(job.DocumentId, job.Attempt);
            return null;
        }
        finally
        {
            await reading.CancelAsync();
            await renewals;
        }
    }

    private async Task RenewLeaseWhileReadingAsync(ClaimedJob job, CancellationTokenSource reading)
    {
        using var timer = new PeriodicTimer(_options.LeaseDuration / 3);
        try
        {
            while (await timer.WaitForNextTickAsync(reading.Token))
            {
                try
                {
                    if (!await queue.RenewLeaseAsync(job, _options.LeaseDuration, reading.Token))
                    {
                        await reading.CancelAsync();
                        return;
                    }
                }
                catch (NpgsqlException exception)
                {
                    // The lease may still hold; the final, fenced write decides.
                    logger.LeaseRenewalFailed(exception, job.DocumentId);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Reading finished (or the host is stopping): renewals end with it.
        }
    }

    private async Task RecordFailureAsync(
        ClaimedJob job, OcrException exception, CancellationToken stoppingToken)
    {
        if (exception.IsPermanent || job.Attempt >= _options.MaxAttempts)
        {
            var reason = exception.IsPermanent
                ? exception.Reason
                : $"{exception.Reason} (gave up after {job.Attempt} attempts)";
            logger.JobFailed(job.DocumentId, job.Attempt, reason);
            await queue.FailAsync(job, reason, stoppingToken);
            return;
        }

        logger.JobRetrying(job.DocumentId, job.Attempt, exception.Reason);
        await queue.RetryLaterAsync(job, exception.Reason, _options.RetryDelay, stoppingToken);
    }

    /// <summary>
    /// Removes the folders of jobs whose worker was killed before it could delete them: they
    /// hold users' documents. A running job writes its folder when it starts and is stopped
    /// after <see cref="OcrOptions.MaxJobDuration"/>, so an older folder is no live job's; the
    /// lease bound also spares the jobs of a worker that was given a longer limit.
    /// </summary>
    private void RemoveLeftOverWorkFolders()
    {
        var age = _options.MaxJobDuration > _options.LeaseDuration
            ? _options.MaxJobDuration
            : _options.LeaseDuration;
        IReadOnlyList<DirectoryInfo> folders;
        try
        {
            folders = WorkFolders.LeftOverSince(_options, DateTime.UtcNow - age);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Reading documents matters more than sweeping; the next start-up tries again.
            logger.WorkFolderNotRemoved(exception, WorkFolders.RootOf(_options));
            return;
        }

        foreach (var folder in folders)
        {
            try
            {
                folder.Delete(recursive: true);
                logger.WorkFolderRemoved(folder.FullName);
            }
            catch (Exception exception) when (
                exception is IOException or UnauthorizedAccessException)
            {
                logger.WorkFolderNotRemoved(exception, folder.FullName);
            }
        }
    }

    private static string Describe(TimeSpan limit) =>
        limit.TotalMinutes >= 1 && limit.Seconds == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{limit.TotalMinutes:0.##} min")
            : string.Create(CultureInfo.InvariantCulture, $"{limit.TotalSeconds:0.###} s");

    private static TimeSpan NextBackoff(TimeSpan current) =>
        current == TimeSpan.Zero ? FirstBackoff : TimeSpan.FromTicks(
            Math.Min(current.Ticks * 2, MaxBackoff.Ticks));
}
