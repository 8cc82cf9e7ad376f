using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;

namespace BlueRobin.Identity.Endpoints;

/// <summary>
/// The end-session endpoint: ends the browser's session, then returns to the client's
/// post-logout redirect URI when one was given and validated, or shows a signed-out page.
/// </summary>
public static class LogoutApi
{
    private const string SignedOutPage =
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Signed out</title>"
        + "</head><body><h1>You are signed out.</h1></body></html>";

    public static RouteGroupBuilder MapLogoutApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(RealmPaths.Logout).WithTags("Logout");
        group.MapMethods("/", [HttpMethods.Get, HttpMethods.Post], EndSession);
        return group;
    }

    // TODO: ask for confirmation when no id_token_hint is given, as Keycloak does, so that a
    // cross-site link cannot end a user's session.
    private static async Task<Results<SignOutHttpResult, ContentHttpResult>> EndSession(
        HttpContext http, ILoggerFactory loggers)
    {
        var request = http.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenID Connect request is missing.");

        var session = await http.AuthenticateAsync(LoginSession.Scheme);
        if (session.Succeeded)
        {
            await http.SignOutAsync(LoginSession.Scheme);
            var logger = loggers.CreateLogger(typeof(LogoutApi));
            Log.SessionEnded(logger, session.Principal.Identity?.Name, request.ClientId);
        }

        if (string.IsNullOrEmpty(request.PostLogoutRedirectUri))
        {
            return TypedResults.Content(SignedOutPage, "text/html; charset=utf-8");
        }

        return TypedResults.SignOut(
            authenticationSchemes: [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }
}
