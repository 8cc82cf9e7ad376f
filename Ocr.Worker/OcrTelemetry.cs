using System.Diagnostics;
using Microsoft.Extensions.Hosting;

namespace Ocr.Worker;

/// <summary>The spans the worker starts; ServiceDefaults exports this source.</summary>
internal static class OcrTelemetry
{
    public static readonly ActivitySource Source =
        new(ServiceDefaultsExtensions.ActivitySourceName);

    /// <summary>The semantic-convention attribute for the user a request acts for.</summary>
    public const string EndUserId = "enduser.id";
}
