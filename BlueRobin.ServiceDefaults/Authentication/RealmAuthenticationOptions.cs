using System.ComponentModel.DataAnnotations;

namespace BlueRobin.ServiceDefaults.Authentication;

/// <summary>
/// Where a service's users come from: the realm's issuer. Bound from the <c>Identity</c>
/// section, which the AppHost fills (<c>Identity__Authority</c>).
/// </summary>
public sealed class RealmAuthenticationOptions
{
    public const string SectionName = "Identity";

    /// <summary>The issuer, e.g. <c>http://localhost:8080/realms/bluerobin</c>.</summary>
    [Required, Url]
    public string Authority { get; set; } = "";

    /// <summary>
    /// Allows an <c>http</c> authority. Only the local development provider on loopback
    /// should need it; everywhere else the metadata and keys must come over TLS.
    /// </summary>
    public bool AllowInsecureAuthority { get; set; }
}
