using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.IdentityModel.Tokens;

namespace BlueRobin.Identity.Tests;

public sealed partial class AuthorizationCodeTests(IdentityProviderFactory provider)
    : IClassFixture<IdentityProviderFactory>
{
    private const string AuthPath = "/realms/bluerobin/protocol/openid-connect/auth";
    private const string RedirectUri = "http://127.0.0.1:53682/callback";

    [GeneratedRegex("name=\"__RequestVerificationToken\"\\s+value=\"(?<token>[^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    [Fact]
    public async Task CodeFlowWithPkceSignsAliceInThroughTheLoginForm()
    {
        var browser = Browser();
        var verifier = NewVerifier();

        var redirect = await SignIn(browser, Challenge(verifier), "alice", "alice-dev-password");
        var callback = QueryHelpers.ParseQuery(redirect.Query);
        Assert.Equal("af0ifjsldkj", callback["state"].ToString());

        var token = await Redeem(browser, callback["code"].ToString(), verifier);
        Assert.Equal(HttpStatusCode.OK, token.Status);
        var payload = TokenClient.Payload(token.AccessToken);
        Assert.Equal("alice", payload.GetProperty("preferred_username").GetString());
        Assert.Equal("bluerobin-cli", payload.GetProperty("azp").GetString());
        Assert.Contains("archivist", TokenClient.RealmRoles(payload));
    }

    [Fact]
    public async Task CodeCannotBeRedeemedWithTheWrongVerifier()
    {
        var browser = Browser();
        var verifier = NewVerifier();
        var redirect = await SignIn(browser, Challenge(verifier), "bob", "bob-dev-password");
        var code = QueryHelpers.ParseQuery(redirect.Query)["code"].ToString();

        var token = await Redeem(browser, code, NewVerifier());

        Assert.Equal(HttpStatusCode.BadRequest, token.Status);
        Assert.Equal("invalid_grant", token.Error);
    }

    [Fact]
    public async Task WrongPasswordShowsTheFormAgainWithoutACode()
    {
        var browser = Browser();
        var login = await browser.GetAsync(AuthorizeUrl(Challenge("x".PadRight(43, 'x'))));
        var form = await browser.GetStringAsync(login.Headers.Location);

        var response = await browser.PostAsync(
            RedirectTarget(login), LoginForm(form, login, "alice", "nope"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("Invalid username or password.", page);
    }

    [Fact]
    public async Task AuthorizationWithoutPkceIsRefused()
    {
        var response = await Browser().GetAsync(
            $"{AuthPath}?client_id=bluerobin-cli&response_type=code&scope=openid"
            + $"&redirect_uri={Uri.EscapeDataString(RedirectUri)}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task UnregisteredRedirectUriIsRefusedWithoutRedirecting()
    {
        var url = AuthorizeUrl(Challenge(NewVerifier())).Replace(
            Uri.EscapeDataString(RedirectUri), Uri.EscapeDataString("https://attacker.example/cb"));

        var response = await Browser().GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task LoginFormRefusesAPostWithoutAntiforgeryToken()
    {
        var response = await Browser().PostAsync(
            "/realms/bluerobin/login-actions/authenticate",
            new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["username"] = "alice",
                ["password"] = "alice-dev-password",
                ["returnUrl"] = $"{AuthPath}?client_id=bluerobin-cli",
            }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private HttpClient Browser() => provider.CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false,
        HandleCookies = true,
    });

    private static string NewVerifier() =>
        Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));

    private static string Challenge(string verifier) =>
        Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));

    private static string AuthorizeUrl(string challenge) =>
        $"{AuthPath}?client_id=bluerobin-cli&response_type=code&scope=openid&state=af0ifjsldkj"
        + $"&redirect_uri={Uri.EscapeDataString(RedirectUri)}"
        + $"&code_challenge={challenge}&code_challenge_method=S256";

    // Follows the browser: /auth, login form, post, /auth again, then the client's redirect URI.
    private static async Task<Uri> SignIn(
        HttpClient browser, string challenge, string user, string password)
    {
        var login = await browser.GetAsync(AuthorizeUrl(challenge));
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);

        var form = await browser.GetStringAsync(login.Headers.Location);
        var posted = await browser.PostAsync(
            RedirectTarget(login), LoginForm(form, login, user, password));
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);

        var authorized = await browser.GetAsync(posted.Headers.Location);
        Assert.Equal(HttpStatusCode.Redirect, authorized.StatusCode);
        var callback = authorized.Headers.Location!;
        Assert.StartsWith(RedirectUri, callback.ToString());
        return callback;
    }

    private static string RedirectTarget(HttpResponseMessage login) =>
        login.Headers.Location!.OriginalString.Split('?')[0];

    private static FormUrlEncodedContent LoginForm(
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

    private static Task<TokenClient.TokenResponse> Redeem(
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
