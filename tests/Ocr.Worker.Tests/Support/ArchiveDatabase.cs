using BlueRobin.Documents;
using BlueRobin.Testing;
using Npgsql;

namespace Ocr.Worker.Tests.Support;

/// <summary>A row of <c>documents</c> as the tests look at it.</summary>
internal sealed record DocumentRow(
    string Status, string? FailureReason, string? Text, string? OcrSubject, int Attempts,
    DateTimeOffset? LeaseExpiresAt);

/// <summary>
/// A fresh database on a <see cref="TemporaryPostgres"/> with the archive schema, and the
/// few reads and writes the tests make behind the worker's back.
/// </summary>
internal sealed class ArchiveDatabase : IAsyncDisposable
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    // The tests' own reads and writes use fresh connections, so that a restarted server does
    // not hand them a broken pooled one; the worker's pool has to cope with that itself.
    private readonly NpgsqlDataSource _testSource;

    private ArchiveDatabase(string connectionString)
    {
        ConnectionString = connectionString;
        WorkerDataSource = NpgsqlDataSource.Create(connectionString);
        _testSource = NpgsqlDataSource.Create(
            new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }
                .ConnectionString);
    }

    /// <summary>A pooled connection string, as the worker would be given.</summary>
    public string ConnectionString { get; }

    /// <summary>The pooled data source the worker under test uses.</summary>
    public NpgsqlDataSource WorkerDataSource { get; }

    public static async Task<ArchiveDatabase> CreateAsync(TemporaryPostgres server)
    {
        var name = $"archive_{Guid.NewGuid():N}";
        var connectionString = new NpgsqlConnectionStringBuilder(
            await server.CreateDatabaseAsync(name)) { Pooling = true }.ConnectionString;
        var database = new ArchiveDatabase(connectionString);
        await ArchiveSchema.EnsureCreatedAsync(database._testSource);
        return database;
    }

    public async Task<Guid> InsertAsync(
        string fileName, byte[] content, string status, string owner = "owner-sub")
    {
        var id = Guid.NewGuid();
        await using var command = _testSource.CreateCommand("""
            INSERT INTO documents (id, owner_sub, file_name, content_type, size_bytes, content,
                                   status)
            VALUES (@id, @owner, @fileName, 'application/octet-stream', @size, @content, @status)
            """);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("owner", owner);
        command.Parameters.AddWithValue("fileName", fileName);
        command.Parameters.AddWithValue("size", (long)content.Length);
        command.Parameters.AddWithValue("content", content);
        command.Parameters.AddWithValue("status", status);
        await command.ExecuteNonQueryAsync();
        return id;
    }

    /// <summary>Sets the queue columns as a crashed worker would have left them.</summary>
    public async Task SimulateClaimAsync(Guid id, int attempts, TimeSpan leaseFromNow)
    {
        await using var command = _testSource.CreateCommand($"""
            UPDATE documents
               SET status = '{DocumentStatus.Processing}', attempts = @attempts,
                   lease_expires_at = now() + @lease
             WHERE id = @id
            """);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("attempts", attempts);
        command.Parameters.AddWithValue("lease", leaseFromNow);
        await command.ExecuteNonQueryAsync();
    }

    public async Task<DocumentRow> GetAsync(Guid id)
    {
        await using var command = _testSource.CreateCommand("""
            SELECT status, failure_reason, text, ocr_subject, attempts, lease_expires_at
              FROM documents WHERE id = @id
            """);
        command.Parameters.AddWithValue("id", id);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), $"Document {id} is missing.");
        return new DocumentRow(
            reader.GetString(0),
            reader.IsDBNull(1) ? null : reader.GetString(1),
            reader.IsDBNull(2) ? null : reader.GetString(2),
            reader.IsDBNull(3) ? null : reader.GetString(3),
            reader.GetInt32(4),
            reader.IsDBNull(5) ? null : reader.GetFieldValue<DateTimeOffset>(5));
    }

    /// <summary>The documents in the order their reading ended.</summary>
    public async Task<IReadOnlyList<Guid>> FinishingOrderAsync()
    {
        await using var command = _testSource.CreateCommand(
            "SELECT id FROM documents ORDER BY updated_at");
        await using var reader = await command.ExecuteReaderAsync();
        var ids = new List<Guid>();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetGuid(0));
        }

        return ids;
    }

    /// <summary>Waits until the document is done or failed, riding out database outages.</summary>
    public async Task<DocumentRow> WaitForFinalStatusAsync(Guid id, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        DocumentRow? last = null;
        while (!deadline.IsCancellationRequested)
        {
            try
            {
                last = await GetAsync(id);
                if (last.Status is DocumentStatus.Done or DocumentStatus.Failed)
                {
                    return last;
                }
            }
            catch (NpgsqlException)
            {
                // The test may be restarting the server; the next look will tell.
            }

            await Task.Delay(PollInterval, CancellationToken.None);
        }

        throw new TimeoutException(
            $"Document {id} did not reach a final status within {timeout}; last seen: {last}");
    }

    public async ValueTask DisposeAsync()
    {
        await WorkerDataSource.DisposeAsync();
        await _testSource.DisposeAsync();
    }
}
