using System.Net;
using System.Net.Http.Json;
using Archives.Api.Documents;
using Archives.Api.Tests.Infrastructure;
using BlueRobin.Documents;
using Microsoft.AspNetCore.Mvc;

namespace Archives.Api.Tests;

[Collection(ArchiveCollection.Name)]
public sealed class UploadTests(ArchiveFixture archive)
{
    private readonly ArchivesApiHost _api = archive.SharedApi;
    private readonly string _alice = Users.New("alice");

    public static TheoryData<string, string> ScannedDocuments => new()
    {
        { "linn.png", FileSignature.Png },
        { "phototest.tif", FileSignature.Tiff },
        { "c02-22.pdf", FileSignature.Pdf },
    };

    [Theory]
    [MemberData(nameof(ScannedDocuments))]
    public async Task ScanIsAcceptedAndHandedToTheWorkerWithTheUploadersOwnToken(
        string fileName, string expectedType)
    {
        var token = _api.Tokens.For(_alice, Users.Archivist);
        using var client = _api.ClientWithToken(token);
        var content = Samples.Read(fileName);

        using var response = await client.PostAsync(
            "/documents", Samples.Form(content, fileName, "application/octet-stream"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var accepted = await response.Content.ReadFromJsonAsync<DocumentAccepted>();
        Assert.NotNull(accepted);
        Assert.Equal($"/documents/{accepted.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal(DocumentStatus.Queued, accepted.Status);

        var call = Assert.Single(_api.Worker.Calls, call => call.DocumentId == accepted.Id);
        Assert.Equal($"Bearer {token}", call.Authorization);

        var stored = await client.GetFromJsonAsync<DocumentDetails>(
            response.Headers.Location!.OriginalString);
        Assert.Equal(expectedType, stored!.ContentType);
        Assert.Equal(fileName, stored.FileName);
        Assert.Equal(content.Length, stored.SizeBytes);
        Assert.Equal(_alice, (await _api.Rows.FindAsync(accepted.Id))?.Owner);
    }

    [Theory]
    [InlineData("photo.jpg", FileSignature.Jpeg)]
    [InlineData("scan.tif", FileSignature.Tiff)]
    public async Task TypeIsJudgedByTheFirstBytesNotByTheDeclaredType(
        string fileName, string expectedType)
    {
        using var client = _api.ClientFor(_alice, Users.Archivist);
        var content = expectedType == FileSignature.Jpeg ? Samples.Jpeg() : Samples.BigEndianTiff();

        using var response = await client.PostAsync(
            "/documents", Samples.Form(content, fileName, "text/plain"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var stored = await client.GetFromJsonAsync<DocumentDetails>(
            response.Headers.Location!.OriginalString);
        Assert.Equal(expectedType, stored!.ContentType);
    }

    [Fact]
    public async Task FileThatOnlyClaimsToBeAPngIsRefusedAsUnsupported()
    {
        using var client = _api.ClientFor(_alice, Users.Archivist);
        var callsBefore = _api.Worker.Calls.Count;
        var text = "<html>not a scan</html>"u8.ToArray();

        using var response = await client.PostAsync(
            "/documents", Samples.Form(text, "scan.png", "image/png"));

        await AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType, "PNG, JPEG, TIFF");
        Assert.Equal(0, await _api.Rows.CountAsync(_alice));
        Assert.Equal(callsBefore, _api.Worker.Calls.Count);
    }

    [Theory]
    [InlineData(ArchivesApiHost.MaxUploadBytes + 1)]
    [InlineData(ArchivesApiHost.MaxUploadBytes * 4)]
    public async Task FileOverTheSizeCapIsRefusedAsTooLarge(long length)
    {
        using var client = _api.ClientFor(_alice, Users.Archivist);
        var callsBefore = _api.Worker.Calls.Count;

        using var response = await client.PostAsync(
            "/documents", Samples.Form(Samples.PngOfLength(length), "big.png", "image/png"));

        await AssertProblemAsync(
            response, HttpStatusCode.RequestEntityTooLarge, $"{ArchivesApiHost.MaxUploadBytes}");
        Assert.Equal(0, await _api.Rows.CountAsync(_alice));
        Assert.Equal(callsBefore, _api.Worker.Calls.Count);
    }

    [Fact]
    public async Task FormWithoutAFileFieldIsABadRequest()
    {
        using var client = _api.ClientFor(_alice, Users.Archivist);

        using var response = await client.PostAsync("/documents",
            Samples.Form(Samples.Jpeg(), "photo.jpg", "image/jpeg", field: "attachment"));

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "field 'file'");
    }

    [Fact]
    public async Task EmptyFileIsABadRequest()
    {
        using var client = _api.ClientFor(_alice, Users.Archivist);

        using var response = await client.PostAsync(
            "/documents", Samples.Form([], "empty.png", "image/png"));

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "empty");
    }

    [Fact]
    public async Task BodyThatIsNotAMultipartFormIsRefusedAsUnsupported()
    {
        using var client = _api.ClientFor(_alice, Users.Archivist);

        using var response = await client.PostAsync(
            "/documents", new ByteArrayContent(Samples.Jpeg()));

        await AssertProblemAsync(
            response, HttpStatusCode.UnsupportedMediaType, "multipart/form-data");
    }

    [Fact]
    public async Task MultipartBodyCutShortIsABadRequest()
    {
        using var client = _api.ClientFor(_alice, Users.Archivist);
        const string part = "--xyz\r\n"
            + "Content-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n\r\n"
            + "%PDF-1.4";
        var truncated = new StringContent(part);
        truncated.Headers.ContentType = new("multipart/form-data");
        truncated.Headers.ContentType.Parameters.Add(new("boundary", "xyz"));

        using var response = await client.PostAsync("/documents", truncated);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "closing boundary");
    }

    internal static async Task<ProblemDetails> AssertProblemAsync(
        HttpResponseMessage response, HttpStatusCode status, string detailPart)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();
        Assert.Equal((int)status, problem?.Status);
        Assert.Contains(detailPart, problem?.Detail, StringComparison.OrdinalIgnoreCase);
        return problem!;
    }
}
