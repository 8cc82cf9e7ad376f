using System.Net;
using static BlueRobin.Identity.Tests.BrowserFlow;

namespace BlueRobin.Identity.Tests;

public sealed class SessionTests(IdentityProviderFactory provider)
    : IClassFixture<IdentityProviderFactory>
{
    [Fact]
    public async Task ASecondAuthorizationReusesTheSessionWithoutTheForm()
    {
        var browser = Browser(provider);
        await SignIn(browser, NewVerifier(), "alice");

        var again = await browser.GetAsync(AuthorizeUrl(Challenge(NewVerifier())));

        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.StartsWith(RedirectUri + "?", again.Headers.Location!.ToString());
    }

    [Fact]
    public async Task LogoutEndsTheSessionSoTheFormIsShownAgain()
    {
        var browser = Browser(provider);
        await SignIn(browser, NewVerifier(), "bob");

        var logout = await browser.GetAsync(LogoutPath);
        var again = await browser.GetAsync(AuthorizeUrl(Challenge(NewVerifier())));

        Assert.Equal(HttpStatusCode.OK, logout.StatusCode);
        Assert.StartsWith(
            "/realms/bluerobin/login-actions/authenticate", again.Headers.Location!.ToString());
    }

    [Fact]
    public async Task LogoutReturnsToARegisteredLoopbackAddress()
    {
        var target = "http://127.0.0.1:53682/signed-out";

        var logout = await Browser(provider).GetAsync(
            $"{LogoutPath}?client_id=bluerobin-cli"
            + $"&post_logout_redirect_uri={Uri.EscapeDataString(target)}");

        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.StartsWith(target, logout.Headers.Location!.ToString());
    }

    [Fact]
    public async Task LogoutRefusesToRedirectAnywhereElse()
    {
        var logout = await Browser(provider).GetAsync(
            $"{LogoutPath}?client_id=bluerobin-cli"
            + $"&post_logout_redirect_uri={Uri.EscapeDataString("https://attacker.example/")}");

        Assert.Equal(HttpStatusCode.BadRequest, logout.StatusCode);
        Assert.Null(logout.Headers.Location);
    }

    [Fact]
    public async Task PromptNoneWithoutSessionReturnsLoginRequiredToTheClient()
    {
        var response = await Browser(provider).GetAsync(
            AuthorizeUrl(Challenge(NewVerifier())) + "&prompt=none");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("error=login_required", response.Headers.Location!.ToString());
    }
}
