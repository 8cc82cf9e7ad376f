namespace Archives.Api.Ocr;

public enum OcrSubmissionOutcome
{
    /// <summary>The worker took the job (2xx).</summary>
    Accepted,

    /// <summary>The worker answered no: 4xx, or a redirect it should never send.</summary>
    Refused,

    /// <summary>No usable answer: refused connection, timeout, or 5xx after retries.</summary>
    Unreachable,
}

public sealed record OcrSubmission(OcrSubmissionOutcome Outcome, int? StatusCode, string Reason)
{
    public static OcrSubmission Accepted { get; } =
        new(OcrSubmissionOutcome.Accepted, null, "accepted");

    public static OcrSubmission Refused(int statusCode) =>
        new(OcrSubmissionOutcome.Refused, statusCode, $"it answered {statusCode}");

    public static OcrSubmission Unreachable(string reason) =>
        new(OcrSubmissionOutcome.Unreachable, null, reason);
}
