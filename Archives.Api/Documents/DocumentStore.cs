using BlueRobin.Documents;
using Npgsql;
using NpgsqlTypes;

namespace Archives.Api.Documents;

/// <summary>
/// The API's reads and writes on the shared <c>documents</c> table. Every read is scoped to
/// the owner, so another user's document looks exactly like a missing one.
/// </summary>
public sealed class DocumentStore(NpgsqlDataSource dataSource)
{
    // TODO: page the list (keyset on created_at) before an archive outgrows one response.
    private const int ListLimit = 1000;
    private const int SearchLimit = 50;

    public async Task InsertReceivedAsync(NewDocument document, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            INSERT INTO documents
                (id, owner_sub, file_name, content_type, size_bytes, content, status)
            VALUES (@id, @owner, @fileName, @contentType, @size, @content, @status)
            """);
        command.Parameters.AddWithValue("id", document.Id);
        command.Parameters.AddWithValue("owner", document.OwnerSubject);
        command.Parameters.AddWithValue("fileName", document.FileName);
        command.Parameters.AddWithValue("contentType", document.ContentType);
        command.Parameters.AddWithValue("size", (long)document.Content.Length);
        command.Parameters.AddWithValue("content", NpgsqlDbType.Bytea, document.Content);
        command.Parameters.AddWithValue("status", DocumentStatus.Received);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Undoes an upload Ocr.Worker never took. A row the worker already moved on from
    /// <c>received</c> is its to finish, so it stays.
    /// </summary>
    public async Task<bool> DeleteReceivedAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "DELETE FROM documents WHERE id = @id AND status = @received");
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("received", DocumentStatus.Received);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<int> DeleteStaleReceivedAsync(
        TimeSpan olderThan, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            DELETE FROM documents
            WHERE status = @received AND created_at < now() - @olderThan
            """);
        command.Parameters.AddWithValue("received", DocumentStatus.Received);
        command.Parameters.AddWithValue("olderThan", olderThan);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<DocumentSummary>> ListAsync(
        string owner, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT id, file_name, content_type, size_bytes, status, created_at
            FROM documents WHERE owner_sub = @owner
            ORDER BY created_at DESC, id DESC LIMIT @limit
            """);
        command.Parameters.AddWithValue("owner", owner);
        command.Parameters.AddWithValue("limit", ListLimit);

        var documents = new List<DocumentSummary>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            documents.Add(new DocumentSummary(
                reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetInt64(3),
                reader.GetString(4), reader.GetFieldValue<DateTimeOffset>(5)));
        }

        return documents;
    }

    public async Task<DocumentDetails?> FindAsync(
        Guid id, string owner, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT id, file_name, content_type, size_bytes, status, failure_reason,
                   CASE WHEN status = @done THEN text END, created_at, updated_at
            FROM documents WHERE id = @id AND owner_sub = @owner
            """);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("owner", owner);
        command.Parameters.AddWithValue("done", DocumentStatus.Done);

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new DocumentDetails(
            reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetInt64(3),
            reader.GetString(4), NullableString(reader, 5), NullableString(reader, 6),
            reader.GetFieldValue<DateTimeOffset>(7), reader.GetFieldValue<DateTimeOffset>(8));
    }

    public async Task<string?> FindStatusAsync(
        Guid id, string owner, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT status FROM documents WHERE id = @id AND owner_sub = @owner");
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("owner", owner);
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    public async Task<IReadOnlyList<SearchHit>> SearchAsync(
        string owner, string query, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT id, file_name, ts_rank(text_search, query) AS rank,
                   ts_headline('english', text, query,
                               'StartSel=«, StopSel=», MaxFragments=3, MaxWords=30, MinWords=8')
            FROM documents, websearch_to_tsquery('english', @query) AS query
            WHERE owner_sub = @owner AND status = @done AND text_search @@ query
            ORDER BY rank DESC, created_at DESC
            LIMIT @limit
            """);
        command.Parameters.AddWithValue("owner", owner);
        command.Parameters.AddWithValue("query", query);
        command.Parameters.AddWithValue("done", DocumentStatus.Done);
        command.Parameters.AddWithValue("limit", SearchLimit);

        var hits = new List<SearchHit>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            hits.Add(new SearchHit(
                reader.GetGuid(0), reader.GetString(1), reader.GetFloat(2), reader.GetString(3)));
        }

        return hits;
    }

    private static string? NullableString(NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
