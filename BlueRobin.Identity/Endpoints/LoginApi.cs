using System.Diagnostics.CodeAnalysis;
using BlueRobin.Identity.Realms;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;

namespace BlueRobin.Identity.Endpoints;

/// <summary>
/// The login form. It only ever sends the browser back to this realm's authorization endpoint,
/// so it cannot be used as an open redirect; the form post is checked by antiforgery.
/// </summary>
public static class LoginApi
{
    private const string HtmlContentType = "text/html; charset=utf-8";
    private const string InvalidCredentials = "Invalid username or password.";

    public static RouteGroupBuilder MapLoginApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(RealmPaths.Login).WithTags("Login");
        group.MapGet("/", ShowForm);
        group.MapPost("/", SubmitForm);
        return group;
    }

    public static string UrlFor(string returnUrl) =>
        QueryHelpers.AddQueryString(RealmPaths.Login, "returnUrl", returnUrl);

    private static Results<ContentHttpResult, ProblemHttpResult> ShowForm(
        HttpContext http, IAntiforgery antiforgery, [FromQuery] string? returnUrl)
    {
        if (!IsAuthorizationRequest(returnUrl))
        {
            return NotAnAuthorizationRequest();
        }

        return Page(http, antiforgery, returnUrl, username: null, error: null);
    }

    private static async Task<Results<RedirectHttpResult, ContentHttpResult, ProblemHttpResult>>
        SubmitForm(
            HttpContext http,
            IAntiforgery antiforgery,
            RealmDirectory realm,
            ILoggerFactory loggers,
            [FromForm] LoginForm form)
    {
        if (!IsAuthorizationRequest(form.ReturnUrl))
        {
            return NotAnAuthorizationRequest();
        }

        var logger = loggers.CreateLogger(typeof(LoginApi));
        var clientId = ClientIdOf(form.ReturnUrl);
        var user = realm.FindUserByName(form.Username);
        if (user is null || !user.Enabled || !user.PasswordMatches(form.Password))
        {
            Log.SignInFailed(logger, form.Username, clientId, "invalid user credentials");
            return Page(http, antiforgery, form.ReturnUrl, form.Username, InvalidCredentials);
        }

        Log.SignInSucceeded(logger, user.Username, clientId, "login form");
        await http.SignInAsync(LoginSession.Scheme, LoginSession.For(user));
        return TypedResults.LocalRedirect(form.ReturnUrl);
    }

    private static ContentHttpResult Page(
        HttpContext http,
        IAntiforgery antiforgery,
        string returnUrl,
        string? username,
        string? error)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        var model = new LoginPage.Model(
            tokens.FormFieldName,
            tokens.RequestToken ?? "",
            returnUrl,
            ClientIdOf(returnUrl),
            username,
            error);

        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers.ContentSecurityPolicy = "default-src 'none'; form-action 'self'";
        http.Response.Headers.XFrameOptions = "DENY";
        return TypedResults.Content(LoginPage.Render(model), HtmlContentType);
    }

    // Only a path on this host that is the authorization endpoint: no scheme, no "//" host.
    private static bool IsAuthorizationRequest([NotNullWhen(true)] string? returnUrl) =>
        returnUrl is not null
        && returnUrl.StartsWith(RealmPaths.Authorization + "?", StringComparison.Ordinal)
        && !returnUrl.Contains('\\')
        && Uri.IsWellFormedUriString(returnUrl, UriKind.Relative);

    private static string? ClientIdOf(string returnUrl)
    {
        var query = returnUrl.IndexOf('?') is var at and >= 0 ? returnUrl[at..] : "";
        return QueryHelpers.ParseQuery(query).TryGetValue("client_id", out var values)
            ? values.ToString()
            : null;
    }

    private static ProblemHttpResult NotAnAuthorizationRequest() =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status400BadRequest,
            title: "Invalid login request",
            detail: "The login form must be reached from this realm's authorization endpoint.");
}
