namespace BlueRobin.Documents;

/// <summary>
/// The body of <c>POST /ocr-jobs</c> on Ocr.Worker. The caller's bearer token travels with it;
/// the worker reads the owner from the token, never from the body.
/// </summary>
public sealed record OcrJobRequest(Guid DocumentId);

public static class OcrWorkerRoutes
{
    public const string Jobs = "/ocr-jobs";
}
