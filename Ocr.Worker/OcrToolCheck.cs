using Microsoft.Extensions.Options;
using Ocr.Worker.Ocr;

namespace Ocr.Worker;

/// <summary>
/// Warns once at start-up when tesseract or poppler-utils is missing. The worker still starts:
/// jobs then fail with a reason naming the package, which is easier to find than a crash loop.
/// </summary>
internal sealed class OcrToolCheck(IOptions<OcrOptions> options, ILogger<OcrToolCheck> logger)
    : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var missing = OcrTool.All
            .Where(tool => tool.Locate(options.Value.ToolsPath) is null)
            .Select(tool => $"{tool.Name} ({tool.DebianPackage})")
            .ToList();

        if (missing.Count > 0)
        {
            logger.OcrToolsMissing(string.Join(", ", missing));
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
