using BenchmarkDotNet.Attributes;
using BlueRobin.Testing;
using Microsoft.Extensions.Options;
using Ocr.Worker.Ocr;

namespace Ocr.Worker.Benchmarks;

/// <summary>
/// Wall-clock time to read one page with the real tools. A run takes seconds, so a few
/// monitored iterations say more than BenchmarkDotNet's default thousands.
/// </summary>
[Config(typeof(OcrBenchmarkConfig))]
public class OcrBenchmarks
{
    private readonly OcrEngine _engine = new(Options.Create(new OcrOptions()));
    private byte[] _photoTest = [];
    private byte[] _bookPage = [];

    [GlobalSetup]
    public void LoadDocuments()
    {
        _photoTest = File.ReadAllBytes(SharedData.PathOf("phototest.tif"));
        _bookPage = File.ReadAllBytes(SharedData.PathOf("c02-22.pdf"));
    }

    /// <summary>A 640 x 480 1-bit TIFF: Tesseract alone.</summary>
    [Benchmark]
    public Task<string> PhotoTestTiff() => _engine.ReadTextAsync(_photoTest, default);

    /// <summary>An image-only book page: pdfinfo, pdfimages, pdftoppm at 300 DPI, Tesseract.</summary>
    [Benchmark]
    public Task<string> ScannedBookPagePdf() => _engine.ReadTextAsync(_bookPage, default);
}
