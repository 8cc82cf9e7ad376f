using System.ComponentModel.DataAnnotations;

namespace Archives.Api.Documents;

/// <summary>Limits and timings of the archive, bound from the <c>Documents</c> section.</summary>
public sealed class DocumentsOptions
{
    public const string SectionName = "Documents";

    /// <summary>The largest file an upload may carry (20 MiB unless configured).</summary>
    [Range(1, 1L << 30)]
    public long MaxUploadBytes { get; set; } = 20L * 1024 * 1024;

    /// <summary>
    /// How old a <c>received</c> row must be before the sweeper deletes it: such a row was
    /// never handed to Ocr.Worker because the API stopped between the insert and the call.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan StaleReceivedAfter { get; set; } = TimeSpan.FromMinutes(5);

    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>What a 503 tells the client to wait before trying the upload again.</summary>
    [Range(1, 3600)]
    public int RetryAfterSeconds { get; set; } = 5;
}
