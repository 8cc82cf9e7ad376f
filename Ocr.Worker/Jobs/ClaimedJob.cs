namespace Ocr.Worker.Jobs;

/// <summary>
/// A document this worker holds a lease on. <see cref="Attempt"/> fences every later write: a
/// worker whose lease expired and was reclaimed can no longer change the row.
/// <see cref="TraceParent"/> is the W3C trace context of the upload that queued it.
/// </summary>
public sealed record ClaimedJob(Guid DocumentId, int Attempt, byte[] Content, string? TraceParent);
