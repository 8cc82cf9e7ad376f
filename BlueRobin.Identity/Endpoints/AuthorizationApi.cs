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
/// The authorization endpoint (code flow). OpenIddict has validated the client, redirect URI
/// and PKCE (see <see cref="AuthorizationRequestValidation"/>); without a session the browser
/// goes to the login form and comes back here.
/// </summary>
public static class AuthorizationApi
{
    private const string Scheme = OpenIddictServerAspNetCoreDefaults.AuthenticationScheme;

    public static RouteGroupBuilder MapAuthorizationApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(RealmPaths.Authorization).WithTags("Authorization");
        group.MapMethods("/", [HttpMethods.Get, HttpMethods.Post], Authorize);
        return group;
    }

    private static async Task<Results<SignInHttpResult, ForbidHttpResult, RedirectHttpResult>>
        Authorize(HttpContext http, RealmDirectory realm)
    {
        var request = http.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenID Connect request is missing.");
        var client = realm.FindClient(request.ClientId)
            ?? throw new InvalidOperationException("The client was not validated.");

        var session = await http.AuthenticateAsync(LoginSession.Scheme);
        var user = session.Succeeded
            ? realm.FindUserById(session.Principal.GetClaim(Claims.Subject))
            : null;

        if (user is not { Enabled: true })
        {
            // TODO: honour prompt=login and max_age; today an existing session is always reused.
            return request.HasPromptValue(PromptValues.None)
                ? TypedResults.Forbid(LoginRequired(), [Scheme])
                : TypedResults.Redirect(LoginApi.UrlFor(CurrentUrl(http.Request)));
        }

        var scopes = RealmScopes.Grant(request.GetScopes());
        var principal = RealmPrincipals.For(user, client, scopes);
        return TypedResults.SignIn(principal, authenticationScheme: Scheme);
    }

    private static string CurrentUrl(HttpRequest request) =>
        $"{request.PathBase}{request.Path}{request.QueryString}";

    private static AuthenticationProperties LoginRequired() =>
        new(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = Errors.LoginRequired,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] =
                "The user is not signed in.",
        });
}
