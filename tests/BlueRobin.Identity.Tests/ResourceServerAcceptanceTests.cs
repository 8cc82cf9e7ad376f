using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace BlueRobin.Identity.Tests;

/// <summary>
/// The cross-check that matters: tokens from this provider are accepted by the same bearer
/// validation the services use (<c>AddRealmAuthentication</c>), fetching metadata and keys from
/// the provider, and refused when the service is not among the token's audiences.
/// </summary>
public sealed class ResourceServerAcceptanceTests(IdentityProviderFactory provider)
    : IClassFixture<IdentityProviderFactory>
{
    [Fact]
    public async Task ArchivesApiAcceptsAlicesTokenAndSeesHerRole()
    {
        var token = await TokenClient.SignIn(provider.CreateClient(), "alice");
        await using var service = await StartResourceServer("archives-api");

        var response = await Call(service, token.AccessToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("alice archivist=True", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task OcrWorkerAcceptsTheSameUserToken()
    {
        var token = await TokenClient.SignIn(provider.CreateClient(), "carol");
        await using var service = await StartResourceServer("ocr-worker");

        var response = await Call(service, token.AccessToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("carol archivist=False", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AServiceNotAmongTheAudiencesRefusesTheToken()
    {
        var token = await TokenClient.SignIn(provider.CreateClient(), "alice");
        await using var service = await StartResourceServer("billing-api");

        var response = await Call(service, token.AccessToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task AServiceAccountTokenWithoutAudienceIsRefused()
    {
        var token = await TokenClient.ServiceAccount(provider.CreateClient());
        await using var service = await StartResourceServer("archives-api");

        var response = await Call(service, token.AccessToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task ATamperedTokenIsRefused()
    {
        var token = await TokenClient.SignIn(provider.CreateClient(), "carol");
        var parts = token.AccessToken.Split('.');
        var alice = await TokenClient.SignIn(provider.CreateClient(), "alice");
        var forged = $"{parts[0]}.{alice.AccessToken.Split('.')[1]}.{parts[2]}";
        await using var service = await StartResourceServer("archives-api");

        var response = await Call(service, forged);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private async Task<WebApplication> StartResourceServer(string audience)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Configuration["Identity:Authority"] = IdentityProviderFactory.Issuer;
        builder.Configuration["Identity:AllowInsecureAuthority"] = "true";
        builder.AddRealmAuthentication(audience);

        // Metadata and keys come from the provider's TestServer, not from the network.
        var providerHandler = provider.Server.CreateHandler();
        builder.Services.Configure<JwtBearerOptions>(
            JwtBearerDefaults.AuthenticationScheme,
            jwt => jwt.BackchannelHttpHandler = providerHandler);

        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGet("/whoami", (ClaimsPrincipal user) =>
                $"{user.Identity!.Name} archivist={user.IsInRole("archivist")}")
            .RequireAuthorization();
        await app.StartAsync();
        return app;
    }

    private static async Task<HttpResponseMessage> Call(WebApplication service, string accessToken)
    {
        using var client = service.GetTestClient();
        client.DefaultRequestHeaders.Authorization =
            new AuthenticationHeaderValue("Bearer", accessToken);
        return await client.GetAsync("/whoami");
    }
}
