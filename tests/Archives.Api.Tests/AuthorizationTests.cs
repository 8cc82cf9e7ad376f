using System.Net;
using Archives.Api.Tests.Infrastructure;
using BlueRobin;

namespace Archives.Api.Tests;

[Collection(ArchiveCollection.Name)]
public sealed class AuthorizationTests(ArchiveFixture archive)
{
    private readonly ArchivesApiHost _api = archive.SharedApi;

    [Theory]
    [InlineData("/documents")]
    [InlineData("/documents/search?q=fox")]
    public async Task RequestWithoutATokenIsChallengedWithProblemDetails(string path)
    {
        using var client = _api.AnonymousClient();

        using var response = await client.GetAsync(path);

        Assert.Equal("Bearer", Assert.Single(response.Headers.WwwAuthenticate).Scheme);
        await UploadTests.AssertProblemAsync(
            response, HttpStatusCode.Unauthorized, "needs a bearer access token");
    }

    [Fact]
    public async Task TokenForAnotherAudienceIsRefusedAndTheAnswerSaysSo()
    {
        var token = _api.Tokens.For(
            Users.New("alice"), Users.Archivist, audience: ResourceNames.OcrWorker);
        using var client = _api.ClientWithToken(token);

        using var response = await client.GetAsync("/documents");

        Assert.Contains("invalid_token", response.Headers.WwwAuthenticate.ToString());
        await UploadTests.AssertProblemAsync(response, HttpStatusCode.Unauthorized, "audience");
    }

    [Fact]
    public async Task TokenSignedByAnotherKeyIsRefused()
    {
        var forger = RealmTokens.NewKey(_api.Tokens.SigningKey.KeyId);
        var token = _api.Tokens.For(Users.New("mallory"), Users.Archivist, signedWith: forger);
        using var client = _api.ClientWithToken(token);

        using var response = await client.GetAsync("/documents");

        await UploadTests.AssertProblemAsync(response, HttpStatusCode.Unauthorized, "signature");
    }

    [Fact]
    public async Task SignedInUserWithoutTheArchivistRoleMayNeitherUploadNorRead()
    {
        var carol = Users.New("carol");
        using var client = _api.ClientFor(carol, Users.NoRoles);
        var callsBefore = _api.Worker.Calls.Count;

        using var upload = await client.PostAsync(
            "/documents", Samples.Form(Samples.Jpeg(), "photo.jpg", "image/jpeg"));
        using var list = await client.GetAsync("/documents");

        await UploadTests.AssertProblemAsync(upload, HttpStatusCode.Forbidden, "archivist");
        await UploadTests.AssertProblemAsync(list, HttpStatusCode.Forbidden, "archivist");
        Assert.Equal(0, await _api.Rows.CountAsync(carol));
        Assert.Equal(callsBefore, _api.Worker.Calls.Count);
    }

    [Theory]
    [InlineData("/health")]
    [InlineData("/alive")]
    [InlineData("/openapi/v1.json")]
    public async Task HealthAndTheOpenApiDocumentNeedNoToken(string path)
    {
        using var client = _api.AnonymousClient();

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task OpenApiDocumentDescribesTheDocumentsEndpoints()
    {
        using var client = _api.AnonymousClient();

        var document = await client.GetStringAsync("/openapi/v1.json");

        Assert.Contains("\"/documents/search\"", document);
        Assert.Contains("\"/documents/{id}\"", document);
    }

    [Fact]
    public async Task OpenApiDocumentAsksForABearerToken()
    {
        using var client = _api.AnonymousClient();

        using var document = System.Text.Json.JsonDocument.Parse(
            await client.GetStringAsync("/openapi/v1.json"));

        var scheme = document.RootElement.GetProperty("components")
            .GetProperty("securitySchemes").GetProperty("Bearer");
        Assert.Equal("http", scheme.GetProperty("type").GetString());
        Assert.Equal("bearer", scheme.GetProperty("scheme").GetString());
        var requirement = Assert.Single(document.RootElement.GetProperty("security")
            .EnumerateArray());
        Assert.True(requirement.TryGetProperty("Bearer", out _));
    }
}
