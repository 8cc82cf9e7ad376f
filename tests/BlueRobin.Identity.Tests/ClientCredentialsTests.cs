using System.Net;

namespace BlueRobin.Identity.Tests;

public sealed class ClientCredentialsTests(IdentityProviderFactory provider)
    : IClassFixture<IdentityProviderFactory>
{
    [Fact]
    public async Task ArchivesApiGetsAServiceAccountTokenWithTheSecretFromTheEnvironment()
    {
        var response = await TokenClient.ServiceAccount(provider.CreateClient());

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.False(response.Body.TryGetProperty("refresh_token", out _));
        var payload = TokenClient.Payload(response.AccessToken);
        Assert.Equal(
            "service-account-archives-api", payload.GetProperty("preferred_username").GetString());
        Assert.Equal("archives-api", payload.GetProperty("azp").GetString());
        Assert.True(Guid.TryParse(payload.GetProperty("sub").GetString(), out _));
    }

    [Fact]
    public async Task WrongSecretIsAnInvalidClient()
    {
        var response = await TokenClient.ClientCredentials(
            provider.CreateClient(), TokenClient.ArchivesApi, "not-the-secret");

        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
        Assert.Equal("invalid_client", response.Error);
    }

    [Fact]
    public async Task ThePublicCliCannotGetAServiceAccountToken()
    {
        var response = await TokenClient.Post(
            provider.CreateClient(),
            new() { ["grant_type"] = "client_credentials", ["client_id"] = TokenClient.Cli });

        // OpenIddict refuses it before the realm is consulted (invalid_request: no secret), where
        // Keycloak says unauthorized_client; either way no token is issued.
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.False(response.Body.TryGetProperty("access_token", out _));
    }

    [Fact]
    public async Task ABearerOnlyClientNeverAuthenticates()
    {
        var response = await TokenClient.ClientCredentials(
            provider.CreateClient(), "ocr-worker", "any");

        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
        Assert.Equal("invalid_client", response.Error);
    }
}

public sealed class MissingClientSecretTests(ProviderWithoutArchivesSecretFactory provider)
    : IClassFixture<ProviderWithoutArchivesSecretFactory>
{
    [Fact]
    public async Task WithoutItsSecretVariableArchivesApiCannotAuthenticateAtAll()
    {
        var response = await TokenClient.ServiceAccount(provider.CreateClient());

        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
        Assert.Equal("invalid_client", response.Error);
    }

    [Fact]
    public async Task ThePlaceholderItselfIsNotAccepted()
    {
        var response = await TokenClient.ClientCredentials(
            provider.CreateClient(), TokenClient.ArchivesApi, "${ARCHIVES_API_CLIENT_SECRET}");

        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
    }
}
