using BlueRobin.Identity.Realms;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace BlueRobin.Identity.Server;

/// <summary>
/// Client authentication and per-client permissions for token requests. OpenIddict runs in
/// degraded mode (no application store), so the realm file is the store and this is where
/// Keycloak's client switches (direct access grants, service accounts, standard flow) apply.
/// </summary>
public sealed class ClientRequestValidation(
    RealmDirectory realm, ILogger<ClientRequestValidation> logger)
    : IOpenIddictServerHandler<ValidateTokenRequestContext>
{
    // Keycloak's wording, which says neither whether the client exists nor what was wrong.
    private const string InvalidClient = "Invalid client or Invalid client credentials";

    public ValueTask HandleAsync(ValidateTokenRequestContext context)
    {
        var client = realm.FindClient(context.ClientId);
        if (client is null || !client.Enabled || client.IsBearerOnly)
        {
            Log.ClientAuthenticationFailed(logger, context.ClientId, "unknown or disabled client");
            context.Reject(OpenIddictConstants.Errors.InvalidClient, InvalidClient);
            return default;
        }

        if (!client.IsPublic && !SecretAccepted(client, context.ClientSecret))
        {
            context.Reject(OpenIddictConstants.Errors.InvalidClient, InvalidClient);
            return default;
        }

        var refusal = GrantRefusal(client, context.Request);
        if (refusal is not null)
        {
            Log.GrantRefused(logger, client.ClientId, context.Request.GrantType, refusal);
            context.Reject(OpenIddictConstants.Errors.UnauthorizedClient, refusal);
        }

        return default;
    }

    private bool SecretAccepted(RealmClient client, string? presented)
    {
        if (client.Secret is not { IsAvailable: true } secret)
        {
            var variable = client.Secret?.Variable ?? "(none in the realm file)";
            Log.ClientSecretUnavailable(logger, client.ClientId, variable);
            return false;
        }

        if (!secret.Matches(presented))
        {
            Log.ClientAuthenticationFailed(logger, client.ClientId, "wrong client secret");
            return false;
        }

        return true;
    }

    private static string? GrantRefusal(RealmClient client, OpenIddictRequest request)
    {
        if (request.IsPasswordGrantType() && !client.DirectAccessGrantsEnabled)
        {
            return "Client not allowed for direct access grants";
        }

        if (request.IsClientCredentialsGrantType() && client.IsPublic)
        {
            return "Public client not allowed to retrieve service account";
        }

        if (request.IsClientCredentialsGrantType() && !client.ServiceAccountsEnabled)
        {
            return "Client not enabled to retrieve service account";
        }

        if (request.IsAuthorizationCodeGrantType() && !client.StandardFlowEnabled)
        {
            return "Client not allowed to initiate browser login";
        }

        return null;
    }
}
