namespace Ocr.Worker.Ocr;

/// <summary>
/// One page as the poppler tools describe it, before anything is rendered: its size in
/// points and the largest image drawn on it, in that image's own pixels.
/// </summary>
public sealed record PdfPage(int Number, double WidthPoints, double HeightPoints)
{
    public long LargestImageWidth { get; init; }

    public long LargestImageHeight { get; init; }

    public long LargestImagePixels => LargestImageWidth * LargestImageHeight;

    public (long Width, long Height) PixelsAt(int dpi) =>
        ((long)Math.Ceiling(WidthPoints * dpi / 72), (long)Math.Ceiling(HeightPoints * dpi / 72));
}
