using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting;

/// <summary>
/// Keycloak as a container resource. Aspire.Hosting.Keycloak is not on the package registry,
/// so BlueRobin describes the container itself; the publish-mode AppHost uses it for the
/// identity provider that runs in the cluster.
/// </summary>
public static class KeycloakResourceExtensions
{
    public const string Image = "quay.io/keycloak/keycloak";
    public const string ImageTag = "26.4";
    public const int HttpPort = 8080;
    public const int ManagementPort = 9000;
    public const string ManagementEndpointName = "management";
    public const string ReadinessPath = "/health/ready";
    public const string ImportDirectory = "/opt/keycloak/data/import";
    public const string DataDirectory = "/opt/keycloak/data";

    /// <summary>
    /// Adds Keycloak, importing the realm files found in <paramref name="realmDirectory"/> on
    /// first start: in production mode (<c>start</c>) when publishing, else <c>start-dev</c> on
    /// the fixed <paramref name="hostPort"/>, so that the issuer does not change between runs.
    /// </summary>
    public static IResourceBuilder<ContainerResource> AddKeycloakContainer(
        this IDistributedApplicationBuilder builder, string name, string realmDirectory,
        int hostPort)
    {
        var publishing = builder.ExecutionContext.IsPublishMode;
        // Both bootstrap credentials are generated per deployment: a well-known admin name
        // would hand an attacker half of the login.
        var adminUsername = builder.AddParameter(
            $"{name}-admin-username",
            new GenerateParameterDefault { MinLength = 12, Upper = false, Special = false },
            secret: true);
        var adminPassword = builder.AddParameter(
            $"{name}-admin-password", new GenerateParameterDefault { MinLength = 22 }, secret: true);

        return builder.AddContainer(name, Image, ImageTag)
            .WithHttpEndpoint(
                port: publishing ? null : hostPort, targetPort: HttpPort, name: "http",
                isProxied: publishing)
            .WithHttpEndpoint(targetPort: ManagementPort, name: ManagementEndpointName)
            .WithHttpHealthCheck(ReadinessPath, endpointName: ManagementEndpointName)
            .WithEnvironment("KC_BOOTSTRAP_ADMIN_USERNAME", adminUsername)
            .WithEnvironment("KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword)
            .WithEnvironment("KC_HEALTH_ENABLED", "true")
            // TLS ends at the ingress and the mesh carries mTLS, so Keycloak itself speaks HTTP
            // behind a proxy that forwards the scheme.
            .WithEnvironment("KC_HTTP_ENABLED", "true")
            .WithEnvironment("KC_PROXY_HEADERS", "xforwarded")
            .WithPublicHostname(publishing)
            .WithArgs(publishing ? "start" : "start-dev", "--import-realm")
            .WithBindMount(realmDirectory, ImportDirectory, isReadOnly: true)
            .WithVolume($"{name}-data", DataDirectory);
    }

    /// <summary>
    /// In the cluster, users reach Keycloak at its public host and services at
    /// <c>http://identity:8080</c>. With dynamic backchannel URLs the services get in-cluster
    /// token and key endpoints while <c>iss</c> stays the public hostname whatever Host header a
    /// request carries. <c>KC_HOSTNAME</c> depends on the cluster's domain, which only
    /// BlueRobin.Manifests knows (<c>--domain</c>), so the generator writes it, not the AppHost.
    /// Locally, start-dev on a fixed port keeps the issuer stable without either setting.
    /// </summary>
    private static IResourceBuilder<ContainerResource> WithPublicHostname(
        this IResourceBuilder<ContainerResource> keycloak, bool publishing) =>
        publishing
            ? keycloak.WithEnvironment("KC_HOSTNAME_BACKCHANNEL_DYNAMIC", "true")
            : keycloak;
}
