using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace BlueRobin.Identity.Server;

/// <summary>
/// Gives access tokens the two claims Keycloak adds and OpenIddict does not: <c>azp</c> (the
/// client the token was issued to) and <c>typ: Bearer</c>.
/// </summary>
public sealed class KeycloakTokenShape : IOpenIddictServerHandler<ProcessSignInContext>
{
    public const string TokenTypeClaim = "typ";
    public const string BearerTokenType = "Bearer";

    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ProcessSignInContext>()
            .AddFilter<OpenIddictServerHandlerFilters.RequireAccessTokenGenerated>()
            .UseSingletonHandler<KeycloakTokenShape>()
            .SetOrder(OpenIddictServerHandlers.PrepareAccessTokenPrincipal.Descriptor.Order + 1)
            .Build();

    public ValueTask HandleAsync(ProcessSignInContext context)
    {
        var principal = context.AccessTokenPrincipal;
        if (principal is not null)
        {
            principal.SetClaim(OpenIddictConstants.Claims.AuthorizedParty, context.ClientId);
            principal.SetClaim(TokenTypeClaim, BearerTokenType);
        }

        return default;
    }
}
