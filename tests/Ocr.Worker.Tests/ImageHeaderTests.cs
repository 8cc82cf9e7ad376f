using System.Buffers.Binary;
using System.Diagnostics;
using Microsoft.Extensions.Options;
using Ocr.Worker.Ocr;
using Ocr.Worker.Tests.Support;

namespace Ocr.Worker.Tests;

/// <summary>Image sizes read from headers, and the refusal of images too large to decode.</summary>
public sealed class ImageHeaderTests
{
    [Fact]
    public void TheSizeOfARealTiffIsReadFromItsDirectory() =>
        Assert.Equal([(640L, 480L)], Sizes("phototest.tif", DocumentFormat.Tiff));

    [Fact]
    public void TheSizeOfARealPngIsReadFromItsHeader() =>
        Assert.Equal([(2550L, 3300L)], Sizes("linn.png", DocumentFormat.Png));

    [Fact]
    public async Task TheSizeOfARealJpegIsReadFromItsFrameHeader()
    {
        var jpeg = await ExtractJpegFromBookPageAsync();

        var sizes = ImageHeader.ReadPageSizes(jpeg, DocumentFormat.Jpeg);

        Assert.Equal([(800L, 981L)], sizes);
    }

    [Fact]
    public async Task APngThatWouldDecodeToBillionsOfPixelsIsRefusedUnread()
    {
        using var spans = new SpanRecorder();
        var engine = new OcrEngine(Options.Create(new OcrOptions()));

        var failure = await Assert.ThrowsAsync<OcrException>(() =>
            engine.ReadTextAsync(PngHeader(40_000, 40_000), default));

        Assert.True(failure.IsPermanent);
        Assert.Contains("40000 x 40000 pixels", failure.Reason);
        Assert.DoesNotContain("tesseract", spans.ExecutablesRun());
    }

    [Fact]
    public async Task ATruncatedImageHeaderIsRefused()
    {
        var engine = new OcrEngine(Options.Create(new OcrOptions()));

        var failure = await Assert.ThrowsAsync<OcrException>(() =>
            engine.ReadTextAsync(PngHeader(10, 10)[..16], default));

        Assert.Equal("The image's header could not be read.", failure.Reason);
    }

    private static IReadOnlyList<(long, long)>? Sizes(string fileName, DocumentFormat format) =>
        ImageHeader.ReadPageSizes(TestData.Read(fileName), format);

    /// <summary>Just the signature and IHDR chunk: all a decoder reads before allocating.</summary>
    private static byte[] PngHeader(uint width, uint height)
    {
        var png = new byte[33];
        new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }.CopyTo(png, 0);
        BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(8), 13);
        "IHDR"u8.CopyTo(png.AsSpan(12));
        BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(16), width);
        BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(20), height);
        png[24] = 1;
        return png;
    }

    /// <summary>The book page PDF embeds its scan as a JPEG; pdfimages returns it as is.</summary>
    private static async Task<byte[]> ExtractJpegFromBookPageAsync()
    {
        var directory = Directory.CreateTempSubdirectory("bluerobin-jpeg-");
        try
        {
            var prefix = Path.Combine(directory.FullName, "scan");
            using var process = Process.Start(
                "pdfimages", ["-j", TestData.PathOf("c02-22.pdf"), prefix]);
            await process.WaitForExitAsync();
            Assert.Equal(0, process.ExitCode);
            return await File.ReadAllBytesAsync(prefix + "-000.jpg");
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
