namespace BlueRobin.Documents;

/// <summary>
/// Where a document is on its way to text. The names are stored in PostgreSQL as they are
/// written here (lower case), so renaming one is a schema change.
/// </summary>
public static class DocumentStatus
{
    /// <summary>Stored by Archives.Api; Ocr.Worker has not yet accepted it.</summary>
    public const string Received = "received";

    /// <summary>Ocr.Worker accepted it on the owner's behalf and will read it.</summary>
    public const string Queued = "queued";

    /// <summary>Ocr.Worker holds a lease on it and is reading it.</summary>
    public const string Processing = "processing";

    /// <summary>Final: the text is stored.</summary>
    public const string Done = "done";

    /// <summary>Final: it could not be read; <c>failure_reason</c> says why.</summary>
    public const string Failed = "failed";
}
