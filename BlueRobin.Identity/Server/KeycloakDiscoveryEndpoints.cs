using Microsoft.Extensions.Options;
using OpenIddict.Server;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace BlueRobin.Identity.Server;

/// <summary>
/// Publishes endpoint URLs under the configured public base address rather than the host the
/// discovery request came in on, so that discovery, issuer and endpoints always agree (what
/// Keycloak does once KC_HOSTNAME is set).
/// </summary>
public sealed class KeycloakDiscoveryEndpoints(IOptions<IdentityProviderOptions> options)
    : IOpenIddictServerHandler<HandleConfigurationRequestContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<HandleConfigurationRequestContext>()
            .UseSingletonHandler<KeycloakDiscoveryEndpoints>()
            .SetOrder(OpenIddictServerHandlers.Discovery.AttachEndpoints.Descriptor.Order - 1)
            .Build();

    public ValueTask HandleAsync(HandleConfigurationRequestContext context)
    {
        var baseUrl = options.Value.PublicBaseUrl.TrimEnd('/');
        Uri At(string path) => new(baseUrl + path, UriKind.Absolute);

        context.AuthorizationEndpoint = At(RealmPaths.Authorization);
        context.TokenEndpoint = At(RealmPaths.Token);
        context.UserInfoEndpoint = At(RealmPaths.UserInfo);
        context.EndSessionEndpoint = At(RealmPaths.Logout);
        context.JsonWebKeySetEndpoint = At(RealmPaths.Certs);
        return default;
    }
}
