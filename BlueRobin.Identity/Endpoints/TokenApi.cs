using System.Security.Claims;
using BlueRobin.Identity.Realms;
using BlueRobin.Identity.Server;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace BlueRobin.Identity.Endpoints;

/// <summary>
/// The token endpoint's grants. OpenIddict has already authenticated the client and checked
/// its permissions (see <see cref="ClientRequestValidation"/>); this decides who the token is for.
/// </summary>
public static class TokenApi
{
    private const string Scheme = OpenIddictServerAspNetCoreDefaults.AuthenticationScheme;

    public static RouteGroupBuilder MapTokenApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(RealmPaths.Token).WithTags("Token");
        group.MapPost("/", IssueToken);
        return group;
    }

    private static async Task<Results<SignInHttpResult, ForbidHttpResult>> IssueToken(
        HttpContext http, RealmDirectory realm, RedeemedCodes codes, ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger(typeof(TokenApi));
        var request = http.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenID Connect request is missing.");
        var client = realm.FindClient(request.ClientId)
            ?? throw new InvalidOperationException("The client was not validated.");

        if (request.IsPasswordGrantType())
        {
            return PasswordGrant(request, client, realm, logger);
        }

        if (request.IsClientCredentialsGrantType())
        {
            Log.ServiceAccountTokenIssued(logger, client.ClientId);
            var scopes = RealmScopes.Grant(request.GetScopes());
            return SignIn(RealmPrincipals.For(realm.ServiceAccountOf(client), client, scopes));
        }

        if (request.IsAuthorizationCodeGrantType() || request.IsRefreshTokenGrantType())
        {
            var previous = (await http.AuthenticateAsync(Scheme)).Principal;
            if (request.IsAuthorizationCodeGrantType() && !codes.TryRedeem(request.Code!))
            {
                Log.CodeReplayed(logger, client.ClientId);
                return Refuse(Errors.InvalidGrant, "Code not valid");
            }

            return Renew(previous, request, client, realm, logger);
        }

        return Refuse(Errors.UnsupportedGrantType, "Unsupported grant_type");
    }

    private static Results<SignInHttpResult, ForbidHttpResult> PasswordGrant(
        OpenIddictRequest request, RealmClient client, RealmDirectory realm, ILogger logger)
    {
        var user = realm.FindUserByName(request.Username);
        if (user is null || !user.Enabled || !user.PasswordMatches(request.Password))
        {
            Log.SignInFailed(logger, request.Username, client.ClientId, "invalid user credentials");
            return Refuse(Errors.InvalidGrant, "Invalid user credentials");
        }

        Log.SignInSucceeded(logger, user.Username, client.ClientId, GrantTypes.Password);
        return SignIn(RealmPrincipals.For(user, client, RealmScopes.Grant(request.GetScopes())));
    }

    // Claims are rebuilt from the realm rather than copied from the code or refresh token, so a
    // disabled user or a removed role takes effect at the next refresh, as in Keycloak.
    private static Results<SignInHttpResult, ForbidHttpResult> Renew(
        ClaimsPrincipal? previous,
        OpenIddictRequest request,
        RealmClient client,
        RealmDirectory realm,
        ILogger logger)
    {
        var user = realm.FindUserById(previous?.GetClaim(Claims.Subject));
        if (previous is null || user is null || !user.Enabled)
        {
            Log.SignInFailed(logger, user?.Username, client.ClientId, "user no longer active");
            return Refuse(Errors.InvalidGrant, "User is not active");
        }

        Log.SignInSucceeded(logger, user.Username, client.ClientId, request.GrantType);
        return SignIn(RealmPrincipals.For(user, client, previous.GetScopes()));
    }

    private static SignInHttpResult SignIn(ClaimsPrincipal principal) =>
        TypedResults.SignIn(principal, authenticationScheme: Scheme);

    private static ForbidHttpResult Refuse(string error, string description) =>
        TypedResults.Forbid(
            new AuthenticationProperties(new Dictionary<string, string?>
            {
                [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
                [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
            }),
            [Scheme]);
}
