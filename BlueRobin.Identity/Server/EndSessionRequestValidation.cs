using BlueRobin.Identity.Realms;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace BlueRobin.Identity.Server;

/// <summary>
/// Admits a <c>post_logout_redirect_uri</c> only for a named client and only when it matches
/// that client's redirect URIs (Keycloak's <c>post.logout.redirect.uris: "+"</c>), so that
/// logout cannot be turned into an open redirect.
/// </summary>
public sealed class EndSessionRequestValidation(RealmDirectory realm)
    : IOpenIddictServerHandler<ValidateEndSessionRequestContext>
{
    public ValueTask HandleAsync(ValidateEndSessionRequestContext context)
    {
        if (string.IsNullOrEmpty(context.PostLogoutRedirectUri))
        {
            return default;
        }

        var client = realm.FindClient(context.Request.ClientId);
        if (client is null
            || !RedirectUriPattern.IsAllowed(client.RedirectUris, context.PostLogoutRedirectUri))
        {
            context.Reject(
                OpenIddictConstants.Errors.InvalidRequest,
                "Invalid redirect uri");
        }

        return default;
    }
}
