using BlueRobin.Identity.Realms;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace BlueRobin.Identity.Server;

/// <summary>
/// Checks an authorization request against its client: standard flow enabled, a registered
/// redirect URI, and PKCE with S256 when the client's <c>pkce.code.challenge.method</c> says so.
/// </summary>
public sealed class AuthorizationRequestValidation(
    RealmDirectory realm, ILogger<AuthorizationRequestValidation> logger)
    : IOpenIddictServerHandler<ValidateAuthorizationRequestContext>
{
    public ValueTask HandleAsync(ValidateAuthorizationRequestContext context)
    {
        var client = realm.FindClient(context.ClientId);
        if (client is null || !client.Enabled || client.IsBearerOnly)
        {
            Log.ClientAuthenticationFailed(logger, context.ClientId, "unknown or disabled client");
            context.Reject(OpenIddictConstants.Errors.InvalidClient, "Client not found.");
            return default;
        }

        if (!client.StandardFlowEnabled)
        {
            context.Reject(
                OpenIddictConstants.Errors.UnauthorizedClient,
                "Client is not allowed to initiate browser login with given response_type.");
            return default;
        }

        if (!RedirectUriPattern.IsAllowed(client.RedirectUris, context.RedirectUri))
        {
            Log.RedirectUriRefused(logger, client.ClientId, context.RedirectUri);
            context.Reject(
                OpenIddictConstants.Errors.InvalidRequest, "Invalid parameter: redirect_uri");
            return default;
        }

        if (client.RequiresPkceS256 && context.Request.CodeChallengeMethod
            != OpenIddictConstants.CodeChallengeMethods.Sha256)
        {
            context.Reject(
                OpenIddictConstants.Errors.InvalidRequest,
                "Invalid parameter: code_challenge_method (this client requires S256)");
        }

        return default;
    }
}
