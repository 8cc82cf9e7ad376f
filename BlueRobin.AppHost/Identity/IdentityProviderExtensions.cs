using BlueRobin;
using BlueRobin.AppHost.Hosting;
using Microsoft.Extensions.Configuration;

namespace Aspire.Hosting;

public static class IdentityProviderExtensions
{
    /// <summary>Overrides <see cref="Realm.IdentityPort"/>, e.g. for tests beside a running copy.</summary>
    public const string PortSetting = "BlueRobin:IdentityPort";

    private const string RealmFile = "Realms/bluerobin-realm.json";

    /// <summary>
    /// Adds the realm's OpenID Connect provider as resource <c>identity</c>, on a fixed port
    /// that Aspire's proxy does not randomize, so that the issuer is the same on every run.
    /// </summary>
    public static IResourceBuilder<IResourceWithEndpoints> AddIdentityProvider(
        this IDistributedApplicationBuilder builder, HostingMode mode)
    {
        var port = builder.Configuration.GetValue(PortSetting, Realm.IdentityPort);
        var realmFile = Path.Combine(builder.AppHostDirectory, RealmFile);
        var archivesApiSecret = builder.AddParameter("archives-api-client-secret",
            new GenerateParameterDefault { MinLength = 32 }, secret: true);

        if (mode == HostingMode.Containers)
        {
            // Keycloak imports the very realm file the local provider serves.
            return builder.AddKeycloakContainer(
                    ResourceNames.Identity, Path.GetDirectoryName(realmFile)!, port)
                .WithEnvironment("ARCHIVES_API_CLIENT_SECRET", archivesApiSecret);
        }

        var signingKey = Path.Combine(
            BlueRobinPaths.StateDirectory(builder.Configuration), "identity", "signing-key.pem");
        return builder.AddProject<Projects.BlueRobin_Identity>(ResourceNames.Identity)
            .WithEndpoint("http", endpoint =>
            {
                endpoint.Port = port;
                endpoint.IsProxied = false;
            })
            .WithEnvironment("Identity__PublicBaseUrl", "http://localhost:" + port)
            .WithEnvironment("Identity__RealmFile", realmFile)
            .WithEnvironment("Identity__SigningKeyPath", signingKey)
            .WithEnvironment("ARCHIVES_API_CLIENT_SECRET", archivesApiSecret);
    }

    /// <summary>
    /// Points a service's JWT bearer validation at the realm's issuer and starts it only once
    /// the provider is healthy.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithRealmAuthentication(
        this IResourceBuilder<ProjectResource> service,
        IResourceBuilder<IResourceWithEndpoints> identity)
    {
        var endpoint = identity.Resource.GetEndpoint("http");
        return service
            .WithEnvironment("Identity__Authority", ReferenceExpression.Create(
                $"{endpoint.Property(EndpointProperty.Url)}/realms/{Realm.Name}"))
            .WithEnvironment("Identity__AllowInsecureAuthority",
                endpoint.Scheme == "http" ? "true" : "false")
            .WaitFor(identity);
    }
}
