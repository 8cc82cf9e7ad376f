using System.Globalization;
using Microsoft.Extensions.Options;

namespace Ocr.Worker.Ocr;

/// <summary>
/// Turns a stored document into text with Debian's tesseract CLI, rendering PDFs page by page
/// with pdftoppm once their sizes are known to be safe. Each call works in a private temporary
/// directory that is deleted afterwards. Failures are <see cref="OcrException"/>s.
/// </summary>
public sealed class OcrEngine
{
    /// <summary>Pages are joined by a form feed, as Tesseract itself ends its pages.</summary>
    public const string PageSeparator = "\n\f\n";

    private const long Megapixel = 1_000_000;

    private readonly OcrOptions _options;
    private readonly ProcessRunner _runner;
    private readonly PdfInspector _inspector;

    public OcrEngine(IOptions<OcrOptions> options)
    {
        _options = options.Value;
        _runner = new ProcessRunner(_options.ProcessTimeout, _options.ToolsPath);
        _inspector = new PdfInspector(_runner);
    }

    public async Task<string> ReadTextAsync(
        ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        var format = DocumentFormats.Detect(content.Span);
        if (format == DocumentFormat.Unknown)
        {
            throw OcrException.Permanent(
                "The file is not a PDF, PNG, JPEG or TIFF document, so it cannot be read.");
        }

        var workDirectory = WorkFolders.Create(_options);
        try
        {
            var input = Path.Combine(workDirectory.FullName, "input" + format.FileExtension());
            await File.WriteAllBytesAsync(input, content, cancellationToken);

            if (format == DocumentFormat.Pdf)
            {
                return await ReadPdfAsync(input, workDirectory.FullName, cancellationToken);
            }

            EnsureReadable(ImageHeader.ReadPageSizes(content.Span, format));
            return await RecognizeAsync(input, workDirectory.FullName, cancellationToken);
        }
        finally
        {
            workDirectory.Delete(recursive: true);
        }
    }

    private async Task<string> ReadPdfAsync(
        string pdfPath, string workDirectory, CancellationToken cancellationToken)
    {
        var pages = await _inspector.InspectAsync(
            pdfPath, _options.MaxPages, workDirectory, cancellationToken);

        // Every page is checked before the first is rendered, so a bomb on page 90 does not
        // cost 89 pages of work first.
        foreach (var page in pages)
        {
            EnsureRenderable(page);
        }

        var texts = new List<string>(pages.Count);
        foreach (var page in pages)
        {
            var image = await RenderAsync(pdfPath, page, workDirectory, cancellationToken);
            texts.Add(await RecognizeAsync(image, workDirectory, cancellationToken));
            File.Delete(image);
        }

        return string.Join(PageSeparator, texts);
    }

    private void EnsureRenderable(PdfPage page)
    {
        var limit = _options.MaxPixelsPerPage;
        var (width, height) = page.PixelsAt(_options.RenderDpi);
        if (width * height > limit)
        {
            throw OcrException.Permanent(
                $"Page {page.Number} would be {width} x {height} pixels at "
                + $"{_options.RenderDpi} DPI ({width * height / Megapixel} megapixels), more than "
                + $"the limit of {limit / Megapixel} megapixels per page; it was not rendered.");
        }

        if (page.LargestImagePixels > limit)
        {
            throw OcrException.Permanent(
                $"Page {page.Number} holds a {page.LargestImageWidth} x "
                + $"{page.LargestImageHeight} pixel image ({page.LargestImagePixels / Megapixel} "
                + $"megapixels), more than the limit of {limit / Megapixel} megapixels per page; "
                + "it was not rendered.");
        }
    }

    private void EnsureReadable(IReadOnlyList<(long Width, long Height)>? pages)
    {
        if (pages is null)
        {
            throw OcrException.Permanent("The image's header could not be read.");
        }

        if (pages.Count > _options.MaxPages)
        {
            throw OcrException.Permanent(
                $"The image has {pages.Count} pages, more than the limit of {_options.MaxPages}.");
        }

        var limit = _options.MaxPixelsPerPage;
        var page = pages.Index().FirstOrDefault(page => page.Item.Width * page.Item.Height > limit);
        if (page.Item != default)
        {
            var (width, height) = page.Item;
            throw OcrException.Permanent(
                $"Page {page.Index + 1} of the image is {width} x {height} pixels "
                + $"({width * height / Megapixel} megapixels), more than the limit of "
                + $"{limit / Megapixel} megapixels per page; it was not read.");
        }
    }

    private async Task<string> RenderAsync(
        string pdfPath, PdfPage page, string workDirectory, CancellationToken cancellationToken)
    {
        var number = page.Number.ToString(CultureInfo.InvariantCulture);
        var prefix = Path.Combine(workDirectory, $"page-{number}");
        // Uncompressed grayscale: writing a PNG took 3 s of a 3.1 s render, and Tesseract
        // binarizes the page anyway.
        var result = await _runner.RunAsync(OcrTool.PdfToPpm,
            ["-r", _options.RenderDpi.ToString(CultureInfo.InvariantCulture), "-gray",
                "-f", number, "-l", number, "-singlefile", pdfPath, prefix],
            workDirectory, cancellationToken);

        if (result.WasKilledBySignal)
        {
            throw OcrException.Transient($"pdftoppm crashed on page {number} "
                + $"(exit code {result.ExitCode}).");
        }

        var image = prefix + ".pgm";
        if (result.ExitCode != 0 || !File.Exists(image))
        {
            throw OcrException.Permanent(
                $"Page {number} of the PDF could not be rendered: {result.ErrorSummary}");
        }

        return image;
    }

    private async Task<string> RecognizeAsync(
        string imagePath, string workDirectory, CancellationToken cancellationToken)
    {
        var result = await _runner.RunAsync(OcrTool.Tesseract,
            [imagePath, "stdout", "-l", _options.Language], workDirectory, cancellationToken);

        if (result.WasKilledBySignal)
        {
            throw OcrException.Transient($"tesseract crashed (exit code {result.ExitCode}).");
        }

        if (result.ExitCode != 0)
        {
            throw OcrException.Permanent(
                $"Tesseract could not read the image: {result.ErrorSummary}");
        }

        return result.StandardOutput.Trim();
    }
}
