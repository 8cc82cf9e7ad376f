using System.ComponentModel.DataAnnotations;

namespace BlueRobin.ServiceDefaults.TokenPropagation;

/// <summary>
/// The internal services that may receive the caller's access token. Bound from the
/// <c>TokenPropagation</c> section, which the AppHost fills (<c>TokenPropagation__Services__0</c>).
/// </summary>
public sealed class TokenPropagationOptions
{
    public const string SectionName = "TokenPropagation";

    /// <summary>
    /// Logical service names as callers write them in URIs (<c>ocr-worker</c> in
    /// <c>https+http://ocr-worker</c>), never addresses: the decision is made before service
    /// discovery turns the name into a host and port.
    /// </summary>
    [Required]
    [MinLength(1, ErrorMessage =
        "TokenPropagation:Services must name at least one service, e.g. 'ocr-worker'.")]
    public List<string> Services { get; set; } = [];

    internal bool Admits(string service) =>
        Services.Contains(service, StringComparer.OrdinalIgnoreCase);

    internal bool NamesOnlyServices() =>
        Services.All(service => Uri.CheckHostName(service) == UriHostNameType.Dns);
}
