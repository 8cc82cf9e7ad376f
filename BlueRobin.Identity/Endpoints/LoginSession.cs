using System.Security.Claims;
using BlueRobin.Identity.Realms;
using Microsoft.AspNetCore.Authentication.Cookies;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace BlueRobin.Identity.Endpoints;

/// <summary>
/// The browser's single sign-on session: a cookie holding only the user's subject, so that a
/// second authorization request signs in without the form (Keycloak's SSO session).
/// </summary>
public static class LoginSession
{
    public const string Scheme = "BlueRobin.Identity.Session";

    /// <summary>Keycloak's default SSO session idle timeout.</summary>
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(30);

    public static void Configure(CookieAuthenticationOptions cookie)
    {
        cookie.Cookie.Name = "BLUEROBIN_IDENTITY_SESSION";
        cookie.Cookie.HttpOnly = true;
        cookie.Cookie.SameSite = SameSiteMode.Lax;
        cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        cookie.Cookie.Path = RealmPaths.Realm;
        cookie.ExpireTimeSpan = IdleTimeout;
        cookie.SlidingExpiration = true;
        cookie.LoginPath = RealmPaths.Login;
    }

    public static ClaimsPrincipal For(RealmUser user) => new(new ClaimsIdentity(
        [new Claim(Claims.Subject, user.Id), new Claim(Claims.PreferredUsername, user.Username)],
        Scheme,
        Claims.PreferredUsername,
        Claims.Role));
}
