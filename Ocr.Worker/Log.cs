using Microsoft.Extensions.Logging;

namespace Ocr.Worker;

/// <summary>Every event the worker logs. Subjects are user ids; tokens never reach a log.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information,
        "OCR job for document {DocumentId} accepted on behalf of subject {Subject}")]
    public static partial void JobAccepted(this ILogger logger, Guid documentId, string subject);

    [LoggerMessage(2, LogLevel.Information,
        "OCR job for document {DocumentId} claimed, attempt {Attempt}")]
    public static partial void JobClaimed(this ILogger logger, Guid documentId, int attempt);

    [LoggerMessage(3, LogLevel.Information,
        "OCR job for document {DocumentId} done: {Characters} characters in {ElapsedMs} ms")]
    public static partial void JobDone(
        this ILogger logger, Guid documentId, int characters, long elapsedMs);

    [LoggerMessage(4, LogLevel.Warning,
        "OCR job for document {DocumentId} failed after attempt {Attempt}: {Reason}")]
    public static partial void JobFailed(
        this ILogger logger, Guid documentId, int attempt, string reason);

    [LoggerMessage(5, LogLevel.Warning,
        "OCR job for document {DocumentId} will be retried after attempt {Attempt}: {Reason}")]
    public static partial void JobRetrying(
        this ILogger logger, Guid documentId, int attempt, string reason);

    [LoggerMessage(6, LogLevel.Warning,
        "The archive database is unavailable; the OCR queue retries in {DelayMs} ms")]
    public static partial void DatabaseUnavailable(
        this ILogger logger, Exception exception, long delayMs);

    [LoggerMessage(7, LogLevel.Warning,
        "OCR tools not found: {Tools}. OCR jobs will fail until "
        + "'apt-get install -y tesseract-ocr poppler-utils' is run")]
    public static partial void OcrToolsMissing(this ILogger logger, string tools);

    [LoggerMessage(8, LogLevel.Information, "The archive schema is in place")]
    public static partial void SchemaReady(this ILogger logger);

    [LoggerMessage(10, LogLevel.Warning,
        "OCR job for document {DocumentId} abandoned: claimed {Attempt} times without finishing")]
    public static partial void JobAbandoned(this ILogger logger, Guid documentId, int attempt);

    [LoggerMessage(11, LogLevel.Warning,
        "OCR job for document {DocumentId} stopped at attempt {Attempt}: its lease was lost")]
    public static partial void LeaseLost(this ILogger logger, Guid documentId, int attempt);

    [LoggerMessage(12, LogLevel.Warning,
        "The lease on document {DocumentId} could not be renewed; reading goes on")]
    public static partial void LeaseRenewalFailed(
        this ILogger logger, Exception exception, Guid documentId);

    [LoggerMessage(13, LogLevel.Information,
        "Removed the work folder {Folder} that a stopped worker left behind")]
    public static partial void WorkFolderRemoved(this ILogger logger, string folder);

    [LoggerMessage(14, LogLevel.Warning,
        "The left-behind work folder {Folder} could not be removed; the next start tries again")]
    public static partial void WorkFolderNotRemoved(
        this ILogger logger, Exception exception, string folder);

    [LoggerMessage(9, LogLevel.Error,
        "The OCR queue hit an unexpected error; it retries in {DelayMs} ms")]
    public static partial void QueueError(this ILogger logger, Exception exception, long delayMs);

    [LoggerMessage(15, LogLevel.Information,
        "Document {DocumentId} handed back to the queue: the worker is stopping")]
    public static partial void JobReleased(this ILogger logger, Guid documentId);

    [LoggerMessage(16, LogLevel.Warning,
        "Document {DocumentId} could not be handed back while stopping; its lease will expire")]
    public static partial void JobReleaseFailed(
        this ILogger logger, Exception exception, Guid documentId);
}
