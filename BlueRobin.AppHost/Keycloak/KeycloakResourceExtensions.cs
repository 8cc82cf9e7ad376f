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
            // and learns the public host from the forwarded headers.
            .WithEnvironment("KC_HTTP_ENABLED", "true")
            .WithEnvironment("KC_PROXY_HEADERS", "xforwarded")
            .WithEnvironment("KC_HOSTNAME_STRICT", "false")
            .WithArgs(publishing ? "start" : "start-dev", "--import-realm")
            .WithBindMount(realmDirectory, ImportDirectory, isReadOnly: true)
            .WithVolume($"{name}-data", DataDirectory);
    }
}
