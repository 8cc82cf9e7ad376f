using System.ComponentModel.DataAnnotations;

namespace Ocr.Worker;

/// <summary>
/// How the worker reads documents and how hard it tries. Bound from the <c>Ocr</c> section and
/// validated at start-up, so a nonsensical limit stops the service instead of a job.
/// </summary>
public sealed class OcrOptions
{
    public const string SectionName = "Ocr";

    /// <summary>How long a claimed job stays ours before another worker may reclaim it.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How often the queue is checked when no signal arrives.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "01:00:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a job that failed for a passing reason waits to be tried again.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(10);

    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 3;

    [Range(1, 10_000)]
    public int MaxPages { get; set; } = 200;

    /// <summary>
    /// The largest page, in pixels at <see cref="RenderDpi"/>, that is rendered. The default
    /// admits a 30 x 30 inch page at 300 DPI and refuses decompression bombs.
    /// </summary>
    [Range(typeof(long), "1000000", "1000000000")]
    public long MaxPixelsPerPage { get; set; } = 100_000_000;

    [Range(72, 600)]
    public int RenderDpi { get; set; } = 300;

    /// <summary>The longest one run of tesseract or a poppler tool may take.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan ProcessTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// The longest one job may read before it is stopped and failed for good, so that a small
    /// file that is slow to render (a tiling pattern, say) cannot hold the worker for long.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan MaxJobDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Tesseract's language, e.g. <c>eng</c> or <c>eng+deu</c>.</summary>
    [Required, RegularExpression("^[a-z_]+(\\+[a-z_]+)*$")]
    public string Language { get; set; } = "eng";

    /// <summary>Where tesseract and the poppler tools are; empty means the PATH.</summary>
    public string? ToolsPath { get; set; }

    /// <summary>Where each job gets its private folder; empty means the temp folder.</summary>
    public string? WorkRoot { get; set; }
}
