using System.Globalization;
using System.Text.RegularExpressions;

namespace Ocr.Worker.Ocr;

/// <summary>
/// Reads a PDF's page count, page sizes and embedded image sizes with pdfinfo and
/// pdfimages, which parse the file without decoding any image, so that a decompression bomb
/// is refused before pdftoppm would allocate it.
/// </summary>
public sealed partial class PdfInspector(ProcessRunner runner)
{
    public async Task<IReadOnlyList<PdfPage>> InspectAsync(
        string pdfPath, int maxPages, string workDirectory, CancellationToken cancellationToken)
    {
        var summary = await RunPopplerAsync(OcrTool.PdfInfo, [pdfPath], workDirectory,
            cancellationToken);
        var pageCount = ParsePageCount(summary);
        if (pageCount > maxPages)
        {
            throw OcrException.Permanent(
                $"The PDF has {pageCount} pages, more than the limit of {maxPages}.");
        }

        var sizes = await RunPopplerAsync(OcrTool.PdfInfo,
            ["-f", "1", "-l", pageCount.ToString(CultureInfo.InvariantCulture), pdfPath],
            workDirectory, cancellationToken);
        var images = await RunPopplerAsync(OcrTool.PdfImages, ["-list", pdfPath],
            workDirectory, cancellationToken);

        return ParsePageSizes(sizes, pageCount)
            .Select(page => WithLargestImage(page, images))
            .ToList();
    }

    private async Task<string> RunPopplerAsync(OcrTool tool, string[] arguments,
        string workDirectory, CancellationToken cancellationToken)
    {
        var result = await runner.RunAsync(tool, arguments, workDirectory, cancellationToken);
        if (result.WasKilledBySignal)
        {
            throw OcrException.Transient($"{tool.Name} crashed (exit code {result.ExitCode}).");
        }

        if (result.ExitCode != 0)
        {
            throw OcrException.Permanent($"The PDF could not be read: {result.ErrorSummary}");
        }

        return result.StandardOutput;
    }

    private static int ParsePageCount(string pdfInfo)
    {
        var match = PagesLine().Match(pdfInfo);
        if (!match.Success)
        {
            throw OcrException.Permanent("The PDF could not be read: pdfinfo found no pages.");
        }

        var count = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return count > 0
            ? count
            : throw OcrException.Permanent("The PDF has no pages.");
    }

    private static IEnumerable<PdfPage> ParsePageSizes(string pdfInfo, int pageCount)
    {
        var pages = PageSizeLine().Matches(pdfInfo)
            .Select(match => new PdfPage(
                int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture),
                double.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture),
                double.Parse(match.Groups[3].Value, CultureInfo.InvariantCulture)))
            .ToList();

        if (pages.Count != pageCount)
        {
            throw OcrException.Permanent(
                $"The PDF could not be read: pdfinfo sized {pages.Count} of {pageCount} pages.");
        }

        return pages;
    }

    /// <summary>Reads <c>pdfimages -list</c> rows: page, num, type, width, height, ...</summary>
    private static PdfPage WithLargestImage(PdfPage page, string imageList)
    {
        var largest = (Width: 0L, Height: 0L);
        foreach (var line in imageList.Split('\n'))
        {
            var columns = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (columns.Length < 5
                || !int.TryParse(columns[0], CultureInfo.InvariantCulture, out var number)
                || number != page.Number
                || !long.TryParse(columns[3], CultureInfo.InvariantCulture, out var width)
                || !long.TryParse(columns[4], CultureInfo.InvariantCulture, out var height))
            {
                continue;
            }

            if (width * height > largest.Width * largest.Height)
            {
                largest = (width, height);
            }
        }

        return page with { LargestImageWidth = largest.Width, LargestImageHeight = largest.Height };
    }

    [GeneratedRegex(@"^Pages:\s+(\d+)\s*$", RegexOptions.Multiline)]
    private static partial Regex PagesLine();

    [GeneratedRegex(
        @"^Page\s+(\d+)\s+size:\s+([\d.]+)\s+x\s+([\d.]+)\s+pts", RegexOptions.Multiline)]
    private static partial Regex PageSizeLine();
}
