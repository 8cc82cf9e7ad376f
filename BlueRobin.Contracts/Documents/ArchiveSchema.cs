using Npgsql;

namespace BlueRobin.Documents;

/// <summary>
/// The archive's tables. Archives.Api and Ocr.Worker both apply it at start-up; it is
/// idempotent and serialized by an advisory lock, so either may start first.
/// </summary>
public static class ArchiveSchema
{
    private const long MigrationLockKey = 0x426c7565526f6269; // "BlueRobi"

    public const string Sql = """
        CREATE TABLE IF NOT EXISTS documents (
            id               uuid PRIMARY KEY,
            owner_sub        text        NOT NULL,
            file_name        text        NOT NULL,
            content_type     text        NOT NULL,
            size_bytes       bigint      NOT NULL,
            content          bytea       NOT NULL,
            status           text        NOT NULL,
            failure_reason   text,
            text             text,
            text_search      tsvector GENERATED ALWAYS AS
                                 (to_tsvector('english', coalesce(text, ''))) STORED,
            ocr_subject      text,
            attempts         integer     NOT NULL DEFAULT 0,
            lease_expires_at timestamptz,
            created_at       timestamptz NOT NULL DEFAULT now(),
            updated_at       timestamptz NOT NULL DEFAULT now()
        );
        -- The W3C trace context of the upload, so that OCR done later joins the upload's trace.
        ALTER TABLE documents ADD COLUMN IF NOT EXISTS trace_parent text;
        CREATE INDEX IF NOT EXISTS documents_owner_created
            ON documents (owner_sub, created_at DESC);
        CREATE INDEX IF NOT EXISTS documents_text_search
            ON documents USING gin (text_search);
        CREATE INDEX IF NOT EXISTS documents_owner_updated
            ON documents (owner_sub, updated_at);
        CREATE INDEX IF NOT EXISTS documents_pending
            ON documents (status, lease_expires_at) WHERE status IN ('queued', 'processing');
        """;

    public static async Task EnsureCreatedAsync(
        NpgsqlDataSource dataSource, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        await using (var lockCommand = new NpgsqlCommand(
            "SELECT pg_advisory_xact_lock(@key)", connection, transaction))
        {
            lockCommand.Parameters.AddWithValue("key", MigrationLockKey);
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var command = new NpgsqlCommand(Sql, connection, transaction))
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }
}
