using System.Text.Json;

namespace BlueRobin.Identity.Tests;

public sealed class DiscoveryTests(IdentityProviderFactory provider)
    : IClassFixture<IdentityProviderFactory>
{
    private const string Protocol = IdentityProviderFactory.Issuer + "/protocol/openid-connect";

    [Fact]
    public async Task DiscoveryDocumentHasKeycloaksIssuerAndEndpoints()
    {
        var document = await provider.CreateClient()
            .GetFromJsonAsync<JsonElement>("/realms/bluerobin/.well-known/openid-configuration");

        Assert.Equal(IdentityProviderFactory.Issuer, document.GetProperty("issuer").GetString());
        Assert.Equal($"{Protocol}/token", document.GetProperty("token_endpoint").GetString());
        Assert.Equal(
            $"{Protocol}/auth", document.GetProperty("authorization_endpoint").GetString());
        Assert.Equal($"{Protocol}/certs", document.GetProperty("jwks_uri").GetString());
        Assert.Equal($"{Protocol}/userinfo", document.GetProperty("userinfo_endpoint").GetString());
        Assert.Equal(
            $"{Protocol}/logout", document.GetProperty("end_session_endpoint").GetString());
    }

    [Fact]
    public async Task DiscoveryOffersOnlyS256ForPkce()
    {
        var document = await provider.CreateClient()
            .GetFromJsonAsync<JsonElement>("/realms/bluerobin/.well-known/openid-configuration");

        var methods = document.GetProperty("code_challenge_methods_supported")
            .EnumerateArray().Select(method => method.GetString());
        Assert.Equal(["S256"], methods);
    }

    [Fact]
    public async Task KeySetPublishesAnRsaSigningKeyWithAKeyId()
    {
        var keys = await provider.CreateClient()
            .GetFromJsonAsync<JsonElement>("/realms/bluerobin/protocol/openid-connect/certs");

        var key = Assert.Single(keys.GetProperty("keys").EnumerateArray());
        Assert.Equal("RSA", key.GetProperty("kty").GetString());
        Assert.Equal("RS256", key.GetProperty("alg").GetString());
        Assert.False(string.IsNullOrEmpty(key.GetProperty("kid").GetString()));
        Assert.False(key.TryGetProperty("d", out _), "the key set must not hold the private key");
    }

    [Fact]
    public async Task HealthEndpointAnswers()
    {
        var response = await provider.CreateClient().GetAsync("/health");

        response.EnsureSuccessStatusCode();
    }
}
