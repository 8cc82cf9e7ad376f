using System.Buffers.Binary;

namespace Ocr.Worker.Ocr;

/// <summary>
/// Reads the pixel size of PNG, JPEG and TIFF images from their headers alone, so that an
/// image bomb is refused before Tesseract decodes it. TIFF may hold several pages.
/// </summary>
public static class ImageHeader
{
    private const int MaxTiffDirectories = 10_000;

    /// <summary>The size of every page, or null when the header cannot be made sense of.</summary>
    public static IReadOnlyList<(long Width, long Height)>? ReadPageSizes(
        ReadOnlySpan<byte> content, DocumentFormat format) => format switch
        {
            DocumentFormat.Png => ReadPng(content),
            DocumentFormat.Jpeg => ReadJpeg(content),
            DocumentFormat.Tiff => ReadTiff(content),
            _ => null,
        };

    // Signature (8 bytes), IHDR length and type (8 bytes), then width and height.
    private static (long, long)[]? ReadPng(ReadOnlySpan<byte> content) =>
        content.Length < 24 || !content[12..16].SequenceEqual("IHDR"u8)
            ? null
            : [(BinaryPrimitives.ReadUInt32BigEndian(content[16..]),
                BinaryPrimitives.ReadUInt32BigEndian(content[20..]))];

    private static (long, long)[]? ReadJpeg(ReadOnlySpan<byte> content)
    {
        var position = 2;
        while (position + 9 < content.Length)
        {
            if (content[position] != 0xFF)
            {
                return null;
            }

            var marker = content[position + 1];
            if (marker == 0xFF || marker == 0x01 || marker is >= 0xD0 and <= 0xD7)
            {
                // Fill bytes and markers without a length.
                position += marker == 0xFF ? 1 : 2;
                continue;
            }

            if (IsStartOfFrame(marker))
            {
                return [(BinaryPrimitives.ReadUInt16BigEndian(content[(position + 7)..]),
                    BinaryPrimitives.ReadUInt16BigEndian(content[(position + 5)..]))];
            }

            position += 2 + BinaryPrimitives.ReadUInt16BigEndian(content[(position + 2)..]);
        }

        return null;
    }

    private static bool IsStartOfFrame(byte marker) =>
        marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC;

    private static List<(long, long)>? ReadTiff(ReadOnlySpan<byte> content)
    {
        var bigEndian = content[0] == (byte)'M';
        var pages = new List<(long, long)>();
        var offset = ReadUInt32(content, 4, bigEndian);
        while (offset != 0 && pages.Count < MaxTiffDirectories)
        {
            if (offset + 2 > (uint)content.Length)
            {
                return null;
            }

            var entries = ReadUInt16(content, (int)offset, bigEndian);
            var end = (int)offset + 2 + (entries * 12);
            if (end + 4 > content.Length)
            {
                return null;
            }

            long width = 0, height = 0;
            for (var entry = (int)offset + 2; entry < end; entry += 12)
            {
                var tag = ReadUInt16(content, entry, bigEndian);
                var isShort = ReadUInt16(content, entry + 2, bigEndian) == 3;
                long value = isShort
                    ? ReadUInt16(content, entry + 8, bigEndian)
                    : ReadUInt32(content, entry + 8, bigEndian);
                (width, height) = tag switch
                {
                    256 => (value, height),
                    257 => (width, value),
                    _ => (width, height),
                };
            }

            pages.Add((width, height));
            offset = ReadUInt32(content, end, bigEndian);
        }

        return pages.Count > 0 ? pages : null;
    }

    private static ushort ReadUInt16(ReadOnlySpan<byte> content, int at, bool bigEndian) =>
        bigEndian
            ? BinaryPrimitives.ReadUInt16BigEndian(content[at..])
            : BinaryPrimitives.ReadUInt16LittleEndian(content[at..]);

    private static uint ReadUInt32(ReadOnlySpan<byte> content, int at, bool bigEndian) =>
        content.Length < at + 4
            ? 0
            : bigEndian
                ? BinaryPrimitives.ReadUInt32BigEndian(content[at..])
                : BinaryPrimitives.ReadUInt32LittleEndian(content[at..]);
}
