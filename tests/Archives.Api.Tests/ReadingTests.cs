using System.Net;
using System.Net.Http.Json;
using Archives.Api.Documents;
using Archives.Api.Tests.Infrastructure;
using BlueRobin.Documents;

namespace Archives.Api.Tests;

[Collection(ArchiveCollection.Name)]
public sealed class ReadingTests(ArchiveFixture archive)
{
    private const string FoxText = "The quick brown dog jumped over the lazy fox. The quick "
        + "brown dog jumped over the lazy fox, and the fox did not mind.";

    private readonly ArchivesApiHost _api = archive.SharedApi;
    private readonly string _alice = Users.New("alice");
    private readonly string _bob = Users.New("bob");

    [Fact]
    public async Task ListHoldsOnlyTheCallersDocumentsNewestFirst()
    {
        var older = await _api.Rows.InsertAsync(_alice, DocumentStatus.Done, FoxText,
            fileName: "older.png", age: TimeSpan.FromMinutes(3));
        var newer = await _api.Rows.InsertAsync(_alice, DocumentStatus.Queued,
            fileName: "newer.png", age: TimeSpan.FromMinutes(1));
        await _api.Rows.InsertAsync(_bob, DocumentStatus.Done, FoxText, fileName: "bobs.png");
        using var client = _api.ClientFor(_alice, Users.Archivist);

        var documents = (await client.GetFromJsonAsync<DocumentSummary[]>("/documents"))!;

        Assert.Equal([newer, older], documents.Select(document => document.Id));
        Assert.Equal(["newer.png", "older.png"], documents.Select(document => document.FileName));
    }

    [Fact]
    public async Task AnotherUsersDocumentIsAnsweredExactlyLikeAMissingOne()
    {
        var bobs = await _api.Rows.InsertAsync(_bob, DocumentStatus.Done, FoxText);
        using var client = _api.ClientFor(_alice, Users.Archivist);

        using var foreign = await client.GetAsync($"/documents/{bobs}");
        using var missing = await client.GetAsync($"/documents/{Guid.NewGuid()}");

        await UploadTests.AssertProblemAsync(foreign, HttpStatusCode.NotFound, bobs.ToString());
        await UploadTests.AssertProblemAsync(missing, HttpStatusCode.NotFound, "no document");
        Assert.Empty((await client.GetFromJsonAsync<DocumentSummary[]>("/documents"))!);
        Assert.Empty((await client.GetFromJsonAsync<SearchHit[]>("/documents/search?q=fox"))!);
    }

    [Fact]
    public async Task TextIsShownOnceTheDocumentIsDoneAndNotBefore()
    {
        var done = await _api.Rows.InsertAsync(_alice, DocumentStatus.Done, FoxText);
        var processing = await _api.Rows.InsertAsync(_alice, DocumentStatus.Processing, "partial");
        using var client = _api.ClientFor(_alice, Users.Archivist);

        var read = await client.GetFromJsonAsync<DocumentDetails>($"/documents/{done}");
        var reading = await client.GetFromJsonAsync<DocumentDetails>($"/documents/{processing}");

        Assert.Equal((DocumentStatus.Done, FoxText), (read!.Status, read.Text));
        Assert.Equal((DocumentStatus.Processing, null), (reading!.Status, reading.Text));
    }

    [Fact]
    public async Task SearchRanksTheCallersDocumentsAndMarksTheMatchesInSnippets()
    {
        var page = await File.ReadAllTextAsync(
            Path.Combine(Samples.DataDirectory, "phototest.txt"));
        var best = await _api.Rows.InsertAsync(_alice, DocumentStatus.Done, page, "phototest.tif");
        var weaker = await _api.Rows.InsertAsync(
            _alice, DocumentStatus.Done, "A dog slept by the door all afternoon.", "note.png");
        await _api.Rows.InsertAsync(_alice, DocumentStatus.Done, "Invoice for garden tools.");
        await _api.Rows.InsertAsync(_bob, DocumentStatus.Done, page, "bobs-copy.tif");
        using var client = _api.ClientFor(_alice, Users.Archivist);

        var hits = (await client.GetFromJsonAsync<SearchHit[]>("/documents/search?q=brown dogs"))!;

        Assert.Equal([best], hits.Select(hit => hit.Id));
        Assert.Contains("«brown»", hits[0].Snippet);
        Assert.Contains("«dog»", hits[0].Snippet);

        var either = (await client.GetFromJsonAsync<SearchHit[]>(
            "/documents/search?q=dog or fox"))!;
        Assert.Equal([best, weaker], either.Select(hit => hit.Id));
        Assert.True(either[0].Rank > either[1].Rank);
    }

    [Theory]
    [InlineData("/documents/search")]
    [InlineData("/documents/search?q=")]
    [InlineData("/documents/search?q=%20%20")]
    public async Task SearchWithoutWordsIsABadRequest(string path)
    {
        using var client = _api.ClientFor(_alice, Users.Archivist);

        using var response = await client.GetAsync(path);

        await UploadTests.AssertProblemAsync(response, HttpStatusCode.BadRequest, "'q'");
    }
}
