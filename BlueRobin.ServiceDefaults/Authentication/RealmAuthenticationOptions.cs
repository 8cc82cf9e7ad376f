using System.ComponentModel.DataAnnotations;

namespace BlueRobin.ServiceDefaults.Authentication;

/// <summary>
/// Where a service's users come from: the realm's issuer. Bound from the <c>Identity</c>
/// section, which the AppHost fills (<c>Identity__Authority</c>).
/// </summary>
public sealed class RealmAuthenticationOptions
{
    public const string SectionName = "Identity";

    /// <summary>
    /// Where the realm's metadata and keys are fetched, e.g.
    /// <c>http://localhost:8080/realms/bluerobin</c>; also the issuer unless
    /// <see cref="Issuer"/> is set.
    /// </summary>
    [Required, Url]
    public string Authority { get; set; } = "";

    /// <summary>
    /// The issuer tokens must name, when the service reaches the provider at another address
    /// than users do: in a cluster, Keycloak's public hostname while metadata comes from the
    /// in-cluster service (Keycloak's dynamic backchannel).
    /// </summary>
    [Url]
    public string? Issuer { get; set; }

    /// <summary>
    /// Allows an <c>http</c> authority. Only the local development provider on loopback
    /// should need it; everywhere else the metadata and keys must come over TLS.
    /// </summary>
    public bool AllowInsecureAuthority { get; set; }
}
