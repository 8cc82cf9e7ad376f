using System.Diagnostics;
using BlueRobin.Testing;
using Microsoft.Extensions.Options;
using Ocr.Worker.Ocr;
using Ocr.Worker.Tests.Support;
using Xunit.Abstractions;

namespace Ocr.Worker.Tests;

/// <summary>The engine on real documents with the real tesseract and poppler tools.</summary>
public sealed class OcrEngineTests(ITestOutputHelper output)
{
    private static readonly TimeSpan BombRejectionBudget = TimeSpan.FromSeconds(5);

    private static OcrEngine CreateEngine(Action<OcrOptions>? configure = null)
    {
        var options = new OcrOptions();
        configure?.Invoke(options);
        return new OcrEngine(Options.Create(options));
    }

    [Fact]
    public async Task PhotoTestTiffIsReadWithAtLeast95PercentWordAccuracy()
    {
        var text = await CreateEngine().ReadTextAsync(TestData.Read("phototest.tif"), default);

        var accuracy = WordAccuracy.Of(text, TestData.ReadText("phototest.txt"));
        output.WriteLine($"phototest.tif word accuracy: {accuracy:P1}");
        Assert.True(accuracy >= 0.95, $"Word accuracy {accuracy:P1} is below 95 %:\n{text}");
    }

    [Fact]
    public async Task TwoColumnBrochureScanIsReadWithAtLeast90PercentWordAccuracy()
    {
        var text = await CreateEngine().ReadTextAsync(TestData.Read("linn.png"), default);

        // linn.txt is itself OCR output, close to the page but not exact: hence 90 %, not 95.
        var accuracy = WordAccuracy.Of(text, TestData.ReadText("linn.txt"));
        output.WriteLine($"linn.png word accuracy: {accuracy:P1}");
        Assert.True(accuracy >= 0.90, $"Word accuracy {accuracy:P1} is below 90 %:\n{text}");
    }

    [Fact]
    public async Task ScannedBookPagePdfIsRenderedAndRead()
    {
        var text = await CreateEngine().ReadTextAsync(TestData.Read("c02-22.pdf"), default);

        var words = WordAccuracy.Words(text);
        Assert.Contains("kitchen", words);
        Assert.Contains("watson", words);
        Assert.Contains("scrouched", words);
        Assert.Contains("shoulders", words);
    }

    [Fact]
    public async Task EveryPageOfAMultipagePdfGivesText()
    {
        var text = await CreateEngine().ReadTextAsync(TestData.Read("multipage.pdf"), default);

        var pages = text.Split(OcrEngine.PageSeparator);
        Assert.Equal(6, pages.Length);
        Assert.All(pages, page => Assert.NotEmpty(WordAccuracy.Words(page)));
        Assert.Contains("england", WordAccuracy.Words(pages[4]));
    }

    [Fact]
    public async Task InvalidPdfFailsPermanentlyWithAReason()
    {
        var failure = await Assert.ThrowsAsync<OcrException>(() =>
            CreateEngine().ReadTextAsync(TestData.Read("invalid.pdf"), default));

        Assert.True(failure.IsPermanent);
        Assert.StartsWith("The PDF could not be read", failure.Reason);
        Assert.Contains("xref", failure.Reason);
    }

    [Fact]
    public async Task DecompressionBombIsRefusedBeforeAnyPageIsRendered()
    {
        using var spans = new SpanRecorder();
        var stopwatch = Stopwatch.StartNew();

        var failure = await Assert.ThrowsAsync<OcrException>(() =>
            CreateEngine().ReadTextAsync(TestData.Read("hugemono.pdf"), default));

        output.WriteLine($"hugemono.pdf refused in {stopwatch.ElapsedMilliseconds} ms: "
            + failure.Reason);
        Assert.True(failure.IsPermanent);
        Assert.Contains("35000 x 35000", failure.Reason);
        Assert.Contains("not rendered", failure.Reason);
        Assert.Contains("pdfinfo", spans.ExecutablesRun());
        Assert.DoesNotContain("pdftoppm", spans.ExecutablesRun());
        Assert.DoesNotContain("tesseract", spans.ExecutablesRun());
        Assert.True(stopwatch.Elapsed < BombRejectionBudget);
    }

    [Fact]
    public async Task ALargeEmbeddedImageOnASmallPageIsRefusedToo()
    {
        // At 72 DPI the bomb's page is only 8400 x 8400 pixels; its image is still 35000².
        var engine = CreateEngine(options => options.RenderDpi = 72);

        var failure = await Assert.ThrowsAsync<OcrException>(() =>
            engine.ReadTextAsync(TestData.Read("hugemono.pdf"), default));

        Assert.True(failure.IsPermanent);
        Assert.Contains("holds a 35000 x 35000 pixel image", failure.Reason);
    }

    [Fact]
    public async Task APdfWithMorePagesThanAllowedIsRefused()
    {
        var engine = CreateEngine(options => options.MaxPages = 5);

        var failure = await Assert.ThrowsAsync<OcrException>(() =>
            engine.ReadTextAsync(TestData.Read("multipage.pdf"), default));

        Assert.True(failure.IsPermanent);
        Assert.Equal("The PDF has 6 pages, more than the limit of 5.", failure.Reason);
    }

    [Fact]
    public async Task AFileThatIsNoDocumentIsRefused()
    {
        var failure = await Assert.ThrowsAsync<OcrException>(() =>
            CreateEngine().ReadTextAsync("hello, world"u8.ToArray(), default));

        Assert.True(failure.IsPermanent);
        Assert.Contains("not a PDF, PNG, JPEG or TIFF", failure.Reason);
    }

    [Fact]
    public async Task AMissingTesseractFailsWithTheDebianPackageName()
    {
        var emptyTools = Directory.CreateTempSubdirectory("bluerobin-no-tools-");
        try
        {
            var engine = CreateEngine(options => options.ToolsPath = emptyTools.FullName);

            var failure = await Assert.ThrowsAsync<OcrException>(() =>
                engine.ReadTextAsync(TestData.Read("phototest.tif"), default));

            Assert.True(failure.IsPermanent);
            Assert.Contains("tesseract-ocr", failure.Reason);
        }
        finally
        {
            emptyTools.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task EachJobsWorkDirectoryIsDeletedAfterSuccessAndFailure()
    {
        var workRoot = Directory.CreateTempSubdirectory("bluerobin-work-root-");
        try
        {
            var engine = CreateEngine(options => options.WorkRoot = workRoot.FullName);

            await engine.ReadTextAsync(TestData.Read("c02-22.pdf"), default);
            await Assert.ThrowsAsync<OcrException>(() =>
                engine.ReadTextAsync(TestData.Read("invalid.pdf"), default));

            Assert.Empty(workRoot.EnumerateFileSystemInfos());
        }
        finally
        {
            workRoot.Delete(recursive: true);
        }
    }
}
