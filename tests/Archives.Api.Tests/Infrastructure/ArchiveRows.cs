using Npgsql;

namespace Archives.Api.Tests.Infrastructure;

/// <summary>Direct access to the <c>documents</c> table, to arrange and to check.</summary>
public sealed class ArchiveRows(string connectionString)
{
    public async Task<Guid> InsertAsync(
        string owner, string status, string? text = null, string fileName = "page.png",
        TimeSpan? age = null)
    {
        var id = Guid.NewGuid();
        await ExecuteAsync("""
            INSERT INTO documents
                (id, owner_sub, file_name, content_type, size_bytes, content, status, text,
                 created_at)
            VALUES (@id, @owner, @fileName, 'image/png', 4, '\x89504e47', @status, @text,
                    now() - @age)
            """,
            ("id", id), ("owner", owner), ("fileName", fileName), ("status", status),
            ("text", (object?)text ?? DBNull.Value), ("age", age ?? TimeSpan.Zero));
        return id;
    }

    public async Task<long> CountAsync(string? owner = null)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM documents WHERE @owner::text IS NULL OR owner_sub = @owner",
            connection);
        command.Parameters.AddWithValue("owner", (object?)owner ?? DBNull.Value);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public async Task<(string Owner, string Status, long Size)?> FindAsync(Guid id)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT owner_sub, status, size_bytes FROM documents WHERE id = @id", connection);
        command.Parameters.AddWithValue("id", id);
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync()
            ? (reader.GetString(0), reader.GetString(1), reader.GetInt64(2))
            : null;
    }

    public Task DeleteAllAsync() => ExecuteAsync("DELETE FROM documents");

    private async Task ExecuteAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync();
    }

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        return connection;
    }
}
