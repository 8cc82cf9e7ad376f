using BlueRobin.Documents;
using Npgsql;

namespace Ocr.Worker.Jobs;

/// <summary>
/// The durable OCR queue: the <c>documents</c> table itself. A job is a row in
/// <c>queued</c>; a claim is a lease in <c>processing</c> that expires if its worker dies.
/// </summary>
public sealed class DocumentQueue(NpgsqlDataSource dataSource)
{
    private const string AcceptSql = $"""
        UPDATE documents
           SET status = '{DocumentStatus.Queued}', ocr_subject = @subject,
               trace_parent = @traceParent, updated_at = now()
         WHERE id = @id AND owner_sub = @subject AND status = '{DocumentStatus.Received}'
        RETURNING status
        """;

    private const string StatusSql =
        "SELECT status FROM documents WHERE id = @id AND owner_sub = @subject";

    private const string Claimable = $"""
        ((status = '{DocumentStatus.Queued}'
          AND (lease_expires_at IS NULL OR lease_expires_at <= now()))
         OR (status = '{DocumentStatus.Processing}' AND lease_expires_at < now()))
        """;

    // Owners take turns: the owner served longest ago (or never, within the last hour) goes
    // first, so one user's pile of uploads cannot hold back everybody else's. SKIP LOCKED lets
    // several workers claim side by side without waiting on each other.
    private const string ClaimSql = $"""
        UPDATE documents
           SET status = '{DocumentStatus.Processing}', attempts = attempts + 1,
               lease_expires_at = now() + @lease, updated_at = now()
         WHERE id = (
               SELECT candidate.id
                 FROM documents candidate
                 LEFT JOIN (SELECT owner_sub, max(updated_at) AS served_at
                              FROM documents
                             WHERE status IN ('{DocumentStatus.Processing}',
                                              '{DocumentStatus.Done}', '{DocumentStatus.Failed}')
                               AND updated_at > now() - interval '1 hour'
                             GROUP BY owner_sub) served
                        ON served.owner_sub = candidate.owner_sub
                WHERE {Claimable}
                ORDER BY served.served_at NULLS FIRST, candidate.created_at
                  FOR UPDATE OF candidate SKIP LOCKED
                LIMIT 1)
        RETURNING id, attempts, content, trace_parent
        """;

    private const string LeaseHeld =
        $"id = @id AND status = '{DocumentStatus.Processing}' AND attempts = @attempt";

    private const string RenewSql = $"""
        UPDATE documents SET lease_expires_at = now() + @lease WHERE {LeaseHeld}
        """;

    private const string CompleteSql = $"""
        UPDATE documents
           SET status = '{DocumentStatus.Done}', text = @text, failure_reason = NULL,
               lease_expires_at = NULL, updated_at = now()
         WHERE {LeaseHeld}
        """;

    private const string FailSql = $"""
        UPDATE documents
           SET status = '{DocumentStatus.Failed}', failure_reason = @reason,
               lease_expires_at = NULL, updated_at = now()
         WHERE {LeaseHeld}
        """;

    // A worker that stops on purpose hands the job back at once, and the attempt it did not
    // finish does not count against the document.
    private const string ReleaseSql = $"""
        UPDATE documents
           SET status = '{DocumentStatus.Queued}', attempts = attempts - 1,
               lease_expires_at = NULL, updated_at = now()
         WHERE {LeaseHeld}
        """;

    // lease_expires_at on a queued row is the earliest time it may be claimed again.
    private const string RetrySql = $"""
        UPDATE documents
           SET status = '{DocumentStatus.Queued}', failure_reason = @reason,
               lease_expires_at = now() + @delay, updated_at = now()
         WHERE {LeaseHeld}
        """;

    /// <summary>
    /// Queues the document if <paramref name="subject"/> owns it and it is still
    /// <c>received</c>, recording the subject the worker acts for and the trace it belongs to.
    /// </summary>
    public async Task<JobAcceptance> AcceptAsync(
        Guid documentId, string subject, string? traceParent, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);

        await using var accept = new NpgsqlCommand(AcceptSql, connection);
        accept.Parameters.AddWithValue("id", documentId);
        accept.Parameters.AddWithValue("subject", subject);
        accept.Parameters.AddWithValue("traceParent", (object?)traceParent ?? DBNull.Value);
        if (await accept.ExecuteScalarAsync(cancellationToken) is not null)
        {
            return JobAcceptance.Queued;
        }

        await using var status = new NpgsqlCommand(StatusSql, connection);
        status.Parameters.AddWithValue("id", documentId);
        status.Parameters.AddWithValue("subject", subject);
        return await status.ExecuteScalarAsync(cancellationToken) switch
        {
            null => JobAcceptance.NotFound,
            DocumentStatus.Failed => JobAcceptance.AlreadyFailed,
            _ => JobAcceptance.AlreadyAccepted,
        };
    }

    /// <summary>Takes the oldest claimable job, or returns null when there is none.</summary>
    public async Task<ClaimedJob?> ClaimNextAsync(
        TimeSpan lease, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(ClaimSql);
        command.Parameters.AddWithValue("lease", lease);

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new ClaimedJob(
            reader.GetGuid(0), reader.GetInt32(1), reader.GetFieldValue<byte[]>(2),
            reader.IsDBNull(3) ? null : reader.GetString(3));
    }

    /// <summary>Extends the lease; false if another worker has reclaimed the job.</summary>
    public Task<bool> RenewLeaseAsync(
        ClaimedJob job, TimeSpan lease, CancellationToken cancellationToken) =>
        ExecuteFencedAsync(RenewSql, job, cancellationToken, ("lease", lease));

    /// <summary>Stores the text; false if the lease was lost to another worker meanwhile.</summary>
    public Task<bool> CompleteAsync(
        ClaimedJob job, string text, CancellationToken cancellationToken) =>
        ExecuteFencedAsync(CompleteSql, job, cancellationToken, ("text", text));

    public Task<bool> FailAsync(
        ClaimedJob job, string reason, CancellationToken cancellationToken) =>
        ExecuteFencedAsync(FailSql, job, cancellationToken, ("reason", reason));

    public Task<bool> ReleaseAsync(ClaimedJob job, CancellationToken cancellationToken) =>
        ExecuteFencedAsync(ReleaseSql, job, cancellationToken);

    public Task<bool> RetryLaterAsync(
        ClaimedJob job, string reason, TimeSpan delay, CancellationToken cancellationToken) =>
        ExecuteFencedAsync(RetrySql, job, cancellationToken, ("reason", reason), ("delay", delay));

    private async Task<bool> ExecuteFencedAsync(string sql, ClaimedJob job,
        CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.AddWithValue("id", job.DocumentId);
        command.Parameters.AddWithValue("attempt", job.Attempt);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }
}
