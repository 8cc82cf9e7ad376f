using System.Net;
using Microsoft.AspNetCore.WebUtilities;
using static BlueRobin.Identity.Tests.BrowserFlow;

namespace BlueRobin.Identity.Tests;

public sealed class AuthorizationCodeTests(IdentityProviderFactory provider)
    : IClassFixture<IdentityProviderFactory>
{
    [Fact]
    public async Task CodeFlowWithPkceSignsAliceInThroughTheLoginForm()
    {
        var browser = Browser(provider);
        var verifier = NewVerifier();

        var redirect = await SignIn(browser, verifier, "alice");
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
        var browser = Browser(provider);
        var verifier = NewVerifier();
        var redirect = await SignIn(browser, verifier, "bob");
        var code = QueryHelpers.ParseQuery(redirect.Query)["code"].ToString();

        var token = await Redeem(browser, code, NewVerifier());

        Assert.Equal(HttpStatusCode.BadRequest, token.Status);
        Assert.Equal("invalid_grant", token.Error);
    }

    [Fact]
    public async Task ACodeCanBeRedeemedOnlyOnce()
    {
        var browser = Browser(provider);
        var verifier = NewVerifier();
        var redirect = await SignIn(browser, verifier, "alice");
        var code = QueryHelpers.ParseQuery(redirect.Query)["code"].ToString();

        var first = await Redeem(browser, code, verifier);
        var replay = await Redeem(browser, code, verifier);

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal(HttpStatusCode.BadRequest, replay.Status);
        Assert.Equal("invalid_grant", replay.Error);
    }

    [Fact]
    public async Task WrongPasswordShowsTheFormAgainWithoutACode()
    {
        var browser = Browser(provider);
        var login = await browser.GetAsync(AuthorizeUrl(Challenge(NewVerifier())));
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
        var response = await Browser(provider).GetAsync(
            $"{AuthPath}?client_id=bluerobin-cli&response_type=code&scope=openid"
            + $"&redirect_uri={Uri.EscapeDataString(RedirectUri)}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task UnregisteredRedirectUriIsRefusedWithoutRedirecting()
    {
        var url = AuthorizeUrl(Challenge(NewVerifier())).Replace(
            Uri.EscapeDataString(RedirectUri), Uri.EscapeDataString("https://attacker.example/cb"));

        var response = await Browser(provider).GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task LoginFormRefusesAPostWithoutAntiforgeryToken()
    {
        var response = await Browser(provider).PostAsync(
            "/realms/bluerobin/login-actions/authenticate",
            new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["username"] = "alice",
                ["password"] = "alice-dev-password",
                ["returnUrl"] = $"{AuthPath}?client_id=bluerobin-cli",
            }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
