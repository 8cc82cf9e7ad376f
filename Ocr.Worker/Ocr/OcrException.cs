namespace Ocr.Worker.Ocr;

/// <summary>
/// A document could not be read. <see cref="IsPermanent"/> says whether trying again can help:
/// an invalid file or a decompression bomb stays so; a crashed or slow tool may not.
/// </summary>
public sealed class OcrException : Exception
{
    private OcrException(string reason, bool isPermanent)
        : base(reason)
    {
        IsPermanent = isPermanent;
    }

    public bool IsPermanent { get; }

    /// <summary>The reason stored in <c>failure_reason</c>: for the owner to read.</summary>
    public string Reason => Message;

    public static OcrException Permanent(string reason) => new(reason, isPermanent: true);

    public static OcrException Transient(string reason) => new(reason, isPermanent: false);
}
