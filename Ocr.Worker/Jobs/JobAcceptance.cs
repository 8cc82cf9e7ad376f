namespace Ocr.Worker.Jobs;

/// <summary>What <c>POST /ocr-jobs</c> found when it tried to queue a document.</summary>
public enum JobAcceptance
{
    /// <summary>The document was <c>received</c> and is now <c>queued</c>.</summary>
    Queued,

    /// <summary>An earlier call already queued it; nothing changed.</summary>
    AlreadyAccepted,

    /// <summary>It was read before and failed; nothing changed.</summary>
    AlreadyFailed,

    /// <summary>No such document, or it belongs to someone else.</summary>
    NotFound,
}
