namespace Archives.Api.Documents;

/// <summary>
/// Tells a file's type from its first bytes. The client's Content-Type and file name are
/// claims anyone can make; the OCR tools act on what the bytes really are.
/// </summary>
public static class FileSignature
{
    public const string Png = "image/png";
    public const string Jpeg = "image/jpeg";
    public const string Tiff = "image/tiff";
    public const string Pdf = "application/pdf";

    private static readonly (byte[] Magic, string ContentType)[] Signatures =
    [
        ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], Png),
        ([0xFF, 0xD8, 0xFF], Jpeg),
        ("II*\0"u8.ToArray(), Tiff),
        ("MM\0*"u8.ToArray(), Tiff),
        ("%PDF-"u8.ToArray(), Pdf),
    ];

    /// <summary>The content type the bytes start with, or null for anything else.</summary>
    public static string? Detect(ReadOnlySpan<byte> content)
    {
        foreach (var (magic, contentType) in Signatures)
        {
            if (content.StartsWith(magic))
            {
                return contentType;
            }
        }

        return null;
    }
}
