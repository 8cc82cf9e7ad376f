namespace Ocr.Worker.Jobs;

/// <summary>
/// A document this worker holds a lease on. <see cref="Attempt"/> fences every later write: a
/// worker whose lease expired and was reclaimed can no longer change the row.
/// </summary>
public sealed record ClaimedJob(Guid DocumentId, int Attempt, byte[] Content);
