using System.Net;

namespace BlueRobin.Identity.Tests;

public sealed class PasswordGrantTests(IdentityProviderFactory provider)
    : IClassFixture<IdentityProviderFactory>
{
    // The id the realm file gives alice: tokens must carry it, not a per-run value.
    private const string AliceId = "6f1d2b4e-8c3a-4d5f-9a71-0b2c3d4e5f61";

    [Fact]
    public async Task AliceGetsAKeycloakShapedAccessTokenThroughTheCli()
    {
        var response = await TokenClient.SignIn(provider.CreateClient(), "alice");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        var header = TokenClient.Header(response.AccessToken);
        Assert.Equal("RS256", header.GetProperty("alg").GetString());
        Assert.False(string.IsNullOrEmpty(header.GetProperty("kid").GetString()));

        var payload = TokenClient.Payload(response.AccessToken);
        Assert.Equal(IdentityProviderFactory.Issuer, payload.GetProperty("iss").GetString());
        Assert.Equal(["archives-api", "ocr-worker"], TokenClient.Audiences(payload).Order());
        Assert.Equal("bluerobin-cli", payload.GetProperty("azp").GetString());
        Assert.Equal("Bearer", payload.GetProperty("typ").GetString());
        Assert.Equal("alice", payload.GetProperty("preferred_username").GetString());
        Assert.Equal("alice@bluerobin.local", payload.GetProperty("email").GetString());
        Assert.Equal(AliceId, payload.GetProperty("sub").GetString());
        Assert.Contains("archivist", TokenClient.RealmRoles(payload));
        Assert.Contains("profile", payload.GetProperty("scope").GetString()!.Split(' '));
        Assert.False(string.IsNullOrEmpty(payload.GetProperty("jti").GetString()));
        var issuedAt = payload.GetProperty("iat").GetInt64();
        Assert.Equal(300, payload.GetProperty("exp").GetInt64() - issuedAt);
    }

    [Fact]
    public async Task CarolsTokenDoesNotCarryTheArchivistRole()
    {
        var response = await TokenClient.SignIn(provider.CreateClient(), "carol");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        var payload = TokenClient.Payload(response.AccessToken);
        Assert.DoesNotContain("archivist", TokenClient.RealmRoles(payload));
    }

    [Fact]
    public async Task WrongPasswordIsAnInvalidGrant()
    {
        var response = await TokenClient.PasswordGrant(
            provider.CreateClient(), "alice", "not-her-password");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("invalid_grant", response.Error);
    }

    [Fact]
    public async Task UnknownUserIsAnInvalidGrant()
    {
        var response = await TokenClient.PasswordGrant(
            provider.CreateClient(), "mallory", "anything");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("invalid_grant", response.Error);
    }

    [Fact]
    public async Task ArchivesApiMayNotUseThePasswordGrant()
    {
        var response = await TokenClient.Post(
            provider.CreateClient(),
            new()
            {
                ["grant_type"] = "password",
                ["username"] = "alice",
                ["password"] = TokenClient.DevPassword("alice"),
            },
            (TokenClient.ArchivesApi, IdentityProviderFactory.ArchivesApiSecret));

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("unauthorized_client", response.Error);
    }

    [Fact]
    public async Task UnknownClientIsAnInvalidClient()
    {
        var response = await TokenClient.PasswordGrant(
            provider.CreateClient(), "alice", "alice-dev-password", clientId: "not-a-client");

        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
        Assert.Equal("invalid_client", response.Error);
    }

    [Fact]
    public async Task RefreshTokenGivesANewAccessTokenForTheSameUser()
    {
        var http = provider.CreateClient();
        var first = await TokenClient.SignIn(http, "bob");
        var refreshToken = first.Body.GetProperty("refresh_token").GetString()!;

        var second = await TokenClient.Post(http, new()
        {
            ["grant_type"] = "refresh_token",
            ["client_id"] = TokenClient.Cli,
            ["refresh_token"] = refreshToken,
        });

        Assert.Equal(HttpStatusCode.OK, second.Status);
        Assert.NotEqual(first.AccessToken, second.AccessToken);
        var payload = TokenClient.Payload(second.AccessToken);
        Assert.Equal("bob", payload.GetProperty("preferred_username").GetString());
        Assert.Contains("archivist", TokenClient.RealmRoles(payload));
        Assert.Contains("archives-api", TokenClient.Audiences(payload));
    }

    [Fact]
    public async Task UserInfoDescribesTheTokensUser()
    {
        var http = provider.CreateClient();
        var token = await TokenClient.SignIn(http, "carol");
        using var request = new HttpRequestMessage(
            HttpMethod.Get, "/realms/bluerobin/protocol/openid-connect/userinfo");
        request.Headers.Authorization = new("Bearer", token.AccessToken);

        using var response = await http.SendAsync(request);
        var info = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("carol", info.GetProperty("preferred_username").GetString());
        Assert.Equal("carol@bluerobin.local", info.GetProperty("email").GetString());
        Assert.Equal(
            TokenClient.Payload(token.AccessToken).GetProperty("sub").GetString(),
            info.GetProperty("sub").GetString());
    }

    [Fact]
    public async Task UserInfoRefusesARequestWithoutToken()
    {
        var response = await provider.CreateClient()
            .GetAsync("/realms/bluerobin/protocol/openid-connect/userinfo");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
