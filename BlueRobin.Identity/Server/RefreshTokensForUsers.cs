using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace BlueRobin.Identity.Server;

/// <summary>
/// Keycloak returns a refresh token with every user token response, whether or not the client
/// asked for <c>offline_access</c>; OpenIddict only does when that scope was granted. Service
/// accounts get none, as in Keycloak.
/// </summary>
public sealed class RefreshTokensForUsers : IOpenIddictServerHandler<ProcessSignInContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ProcessSignInContext>()
            .UseSingletonHandler<RefreshTokensForUsers>()
            .SetOrder(OpenIddictServerHandlers.EvaluateGeneratedTokens.Descriptor.Order + 1)
            .Build();

    public ValueTask HandleAsync(ProcessSignInContext context)
    {
        if (context.EndpointType is OpenIddictServerEndpointType.Token
            && !context.Request.IsClientCredentialsGrantType())
        {
            context.GenerateRefreshToken = true;
            context.IncludeRefreshToken = true;
        }

        return default;
    }
}
