namespace Archives.Api;

// Messages name documents, sizes and statuses, never a token or a document's content.
internal static partial class Log
{
    [LoggerMessage(1001, LogLevel.Information,
        "Accepted document {DocumentId} ({ContentType}, {SizeBytes} bytes); OCR status {Status}")]
    public static partial void UploadAccepted(
        ILogger logger, Guid documentId, string contentType, long sizeBytes, string status);

    [LoggerMessage(1002, LogLevel.Information, "Rejected an upload with {StatusCode}: {Reason}")]
    public static partial void UploadRejected(ILogger logger, int statusCode, string reason);

    [LoggerMessage(1003, LogLevel.Warning,
        "Ocr.Worker was unreachable for document {DocumentId}; the upload was undone: {Reason}")]
    public static partial void WorkerUnreachable(ILogger logger, Guid documentId, string reason);

    [LoggerMessage(1004, LogLevel.Warning,
        "Ocr.Worker refused document {DocumentId} with {StatusCode}; the upload was undone")]
    public static partial void WorkerRefused(ILogger logger, Guid documentId, int statusCode);

    [LoggerMessage(1005, LogLevel.Warning,
        "The archive database is not ready (attempt {Attempt}); retrying in {Delay}")]
    public static partial void SchemaNotReady(
        ILogger logger, int attempt, TimeSpan delay, Exception exception);

    [LoggerMessage(1006, LogLevel.Information, "The archive schema is in place")]
    public static partial void SchemaReady(ILogger logger);

    [LoggerMessage(1007, LogLevel.Information,
        "Removed {Count} uploads that never reached Ocr.Worker")]
    public static partial void StaleUploadsSwept(ILogger logger, int count);

    [LoggerMessage(1008, LogLevel.Warning, "Sweeping stale uploads failed; the next sweep retries")]
    public static partial void SweepFailed(ILogger logger, Exception exception);
}
