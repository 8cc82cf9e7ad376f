namespace Ocr.Worker.Ocr;

/// <summary>
/// What a document is, read from its first bytes. The stored content type is the uploader's
/// claim; the bytes decide which tool reads the file.
/// </summary>
public enum DocumentFormat
{
    Unknown,
    Pdf,
    Png,
    Jpeg,
    Tiff,
}

public static class DocumentFormats
{
    public static DocumentFormat Detect(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith("%PDF-"u8))
        {
            return DocumentFormat.Pdf;
        }

        if (content.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G']))
        {
            return DocumentFormat.Png;
        }

        if (content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return DocumentFormat.Jpeg;
        }

        if (content.StartsWith("II*\0"u8) || content.StartsWith("MM\0*"u8))
        {
            return DocumentFormat.Tiff;
        }

        return DocumentFormat.Unknown;
    }

    public static string FileExtension(this DocumentFormat format) => format switch
    {
        DocumentFormat.Pdf => ".pdf",
        DocumentFormat.Png => ".png",
        DocumentFormat.Jpeg => ".jpg",
        DocumentFormat.Tiff => ".tif",
        _ => ".bin",
    };
}
