using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.IdentityModel.Tokens;

namespace BlueRobin.Identity.Tests;

/// <summary>A browser on the provider: it keeps cookies and shows redirects, not follows.</summary>
public static partial class BrowserFlow
{
    public const string AuthPath = "/realms/bluerobin/protocol/openid-connect/auth";
    public const string LogoutPath = "/realms/bluerobin/protocol/openid-connect/logout";
    public const string RedirectUri = "http://127.0.0.1:53682/callback";

    [GeneratedRegex("name=\"__RequestVerificationToken\"\\s+value=\"(?<token>[^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    public static HttpClient Browser(IdentityProviderFactory provider) =>
        provider.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            HandleCookies = true,
        });

    public static string NewVerifier() =>
        Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));

    public static string Challenge(string verifier) =>
        Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));

    public static string AuthorizeUrl(string challenge) =>
        $"{AuthPath}?client_id=bluerobin-cli&response_type=code&scope=openid&state=af0ifjsldkj"
        + $"&redirect_uri={Uri.EscapeDataString(RedirectUri)}"
        + $"&code_challenge={challenge}&code_challenge_method=S256";

    // Follows the browser: /auth, login form, post, /auth again, then the client's redirect URI.
    public static async Task<Uri> SignIn(HttpClient browser, string verifier, string user)
    {
        var login = await browser.GetAsync(AuthorizeUrl(Challenge(verifier)));
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);

        var form = await browser.GetStringAsync(login.Headers.Location);
        var posted = await browser.PostAsync(
            RedirectTarget(login), LoginForm(form, login, user, TokenClient.DevPassword(user)));
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);

        var authorized = await browser.GetAsync(posted.Headers.Location);
        Assert.Equal(HttpStatusCode.Redirect, authorized.StatusCode);
        var callback = authorized.Headers.Location!;
        Assert.StartsWith(RedirectUri, callback.ToString());
        return callback;
    }

    public static string RedirectTarget(HttpResponseMessage login) =>
        login.Headers.Location!.OriginalString.Split('?')[0];

    public static FormUrlEncodedContent LoginForm(
        string page, HttpResponseMessage login, string user, string password)
    {
        var location = login.Headers.Location!.OriginalString;
        var returnUrl = QueryHelpers.ParseQuery(location[location.IndexOf('?')..])["returnUrl"];

        return new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(
                AntiforgeryField().Match(page).Groups["token"].Value),
            ["returnUrl"] = returnUrl.ToString(),
            ["username"] = user,
            ["password"] = password,
        });
    }

    public static Task<TokenClient.TokenResponse> Redeem(
        HttpClient http, string code, string verifier) =>
        TokenClient.Post(http, new()
        {
            ["grant_type"] = "authorization_code",
            ["client_id"] = TokenClient.Cli,
            ["code"] = code,
            ["redirect_uri"] = RedirectUri,
            ["code_verifier"] = verifier,
        });
}
