using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Aspire.Hosting;
using Aspire.Hosting.Testing;
using BlueRobin.Documents;
using BlueRobin.Testing;
using Npgsql;

namespace BlueRobin.AppHost.Tests;

/// <summary>
/// The main job end to end, container-free: a signed-in user uploads real scanned pages,
/// Ocr.Worker reads them on the user's behalf, and the user searches them.
/// </summary>
[Collection(BlueRobinApp.Collection)]
public sealed class MainJobTests(BlueRobinApp bluerobin)
{
    [Fact]
    public async Task ScannedTiffIsReadWithAtLeast95PercentWordAccuracy()
    {
        var document = await UploadAsAliceAsync("phototest.tif", "image/tiff");

        Assert.Equal(DocumentStatus.Done, document.GetProperty("status").GetString());
        var expected = await File.ReadAllTextAsync(SharedData.PathOf("phototest.txt"));
        var accuracy = WordAccuracy.Of(document.GetProperty("text").GetString()!, expected);
        Assert.True(accuracy >= 0.95, $"Word accuracy was {accuracy:P1}.");
    }

    [Fact]
    public async Task ImageOnlyPdfIsReadPageByPage()
    {
        var document = await UploadAsAliceAsync("c02-22.pdf", "application/pdf");

        Assert.Equal(DocumentStatus.Done, document.GetProperty("status").GetString());
        var words = WordAccuracy.Words(document.GetProperty("text").GetString()!);
        Assert.Contains("garden", words);
        Assert.Contains("kitchen", words);
        Assert.Contains("listening", words);
    }

    [Fact]
    public async Task SearchFindsTheDocumentThatSaysQuickBrownDog()
    {
        var document = await UploadAsAliceAsync("phototest.tif", "image/tiff");
        using var alice = await bluerobin.Tokens.AuthorizeAsync(
            bluerobin.CreateArchivesApiClient(), RealmTokens.Alice);

        var results = await SearchAsync(alice, "quick brown dog");

        Assert.Contains(results, hit => Id(hit) == Id(document));
    }

    [Fact]
    public async Task AnotherUserGetsNotFoundAndNoSearchResults()
    {
        var document = await UploadAsAliceAsync("phototest.tif", "image/tiff");
        using var bob = await bluerobin.Tokens.AuthorizeAsync(
            bluerobin.CreateArchivesApiClient(), RealmTokens.Bob);

        using var response = await bob.GetAsync($"/documents/{Id(document)}");
        var results = await SearchAsync(bob, "quick brown dog");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain(results, hit => Id(hit) == Id(document));
    }

    [Fact]
    public async Task RequestWithoutTokenIsUnauthorizedWithAChallenge()
    {
        using var anonymous = bluerobin.CreateArchivesApiClient();

        using var response = await anonymous.GetAsync("/documents");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(response.Headers.WwwAuthenticate, header => header.Scheme == "Bearer");
    }

    [Fact]
    public async Task UserWithoutArchivistRoleIsForbidden()
    {
        using var carol = await bluerobin.Tokens.AuthorizeAsync(
            bluerobin.CreateArchivesApiClient(), RealmTokens.Carol);

        using var list = await carol.GetAsync("/documents");
        using var upload = await ArchivedDocuments.UploadAsync(carol, "phototest.tif", "image/tiff");

        Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, upload.StatusCode);
    }

    [Fact]
    public async Task WorkerSawTheSameSubjectAsTheApi()
    {
        var document = await UploadAsAliceAsync("phototest.tif", "image/tiff");
        var aliceSubject = Subject(await bluerobin.Tokens.AccessTokenAsync(RealmTokens.Alice));

        var owner = await ColumnAsync<string>(document, "owner_sub");
        var workerSubject = await ColumnAsync<string>(document, "ocr_subject");

        Assert.Equal(aliceSubject, owner);
        Assert.Equal(aliceSubject, workerSubject);
    }

    [Fact]
    public async Task UploadAndItsOcrJobShareOneTrace()
    {
        var traceId = System.Diagnostics.ActivityTraceId.CreateRandom().ToHexString();
        using var alice = await bluerobin.Tokens.AuthorizeAsync(
            bluerobin.CreateArchivesApiClient(), RealmTokens.Alice);
        alice.DefaultRequestHeaders.Add("traceparent", $"00-{traceId}-0123456789abcdef-01");

        var document = await ArchivedDocuments.UploadAndWaitAsync(
            alice, "phototest.tif", "image/tiff");
        var traceParent = await ColumnAsync<string>(document, "trace_parent");

        // The worker recorded the trace of the call it accepted, and OCR continues it.
        Assert.Equal(traceId, traceParent.Split('-')[1]);
    }

    private async Task<T> ColumnAsync<T>(JsonElement document, string column)
    {
        var connectionString = await bluerobin.App.GetConnectionStringAsync(
            ResourceNames.ArchivesDatabase);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            $"SELECT {column} FROM documents WHERE id = @id", connection);
        command.Parameters.AddWithValue("id", Guid.Parse(Id(document)));
        return (T)(await command.ExecuteScalarAsync())!;
    }

    private async Task<JsonElement> UploadAsAliceAsync(string file, string contentType)
    {
        using var alice = await bluerobin.Tokens.AuthorizeAsync(
            bluerobin.CreateArchivesApiClient(), RealmTokens.Alice);
        return await ArchivedDocuments.UploadAndWaitAsync(alice, file, contentType);
    }

    private static async Task<JsonElement[]> SearchAsync(HttpClient client, string query)
    {
        var body = await client.GetFromJsonAsync<JsonElement>(
            $"/documents/search?q={Uri.EscapeDataString(query)}");
        var results = body.ValueKind == JsonValueKind.Array ? body : body.GetProperty("results");
        return results.EnumerateArray().ToArray();
    }

    private static string Id(JsonElement document) => document.GetProperty("id").GetString()!;

    private static string Subject(string accessToken)
    {
        var payload = accessToken.Split('.')[1].Replace('-', '+').Replace('_', '/');
        payload = payload.PadRight(payload.Length + (4 - payload.Length % 4) % 4, '=');
        using var claims = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(payload)));
        return claims.RootElement.GetProperty("sub").GetString()!;
    }
}
