using BlueRobin.Manifests.Cli;

namespace BlueRobin.Manifests.Model;

/// <summary>
/// The names users reach BlueRobin by. The AppHost cannot know them (they depend on
/// <c>--domain</c>), so the Ingress hosts, Keycloak's hostname and the services' expected issuer
/// are all derived here, from one place, and cannot drift apart.
/// </summary>
public static class PublicAddresses
{
    public static string HostFor(string workload, GenerateOptions options) =>
        workload == ResourceNames.ArchivesApi
            ? $"archives.{options.Domain}"
            : $"{workload}.{options.Domain}";

    /// <summary>TLS ends at the ingress, so every public address is <c>https</c>.</summary>
    public static string UrlFor(string workload, GenerateOptions options) =>
        $"https://{HostFor(workload, options)}";

    /// <summary>The <c>iss</c> of the realm's tokens: Keycloak's public hostname, never the
    /// in-cluster service name.</summary>
    public static string Issuer(GenerateOptions options) =>
        Realm.IssuerFor(UrlFor(ResourceNames.Identity, options));
}
