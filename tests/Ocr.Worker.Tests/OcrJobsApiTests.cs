using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using BlueRobin;
using BlueRobin.Documents;
using Microsoft.AspNetCore.Mvc;
using Ocr.Worker.Tests.Support;

namespace Ocr.Worker.Tests;

/// <summary><c>POST /ocr-jobs</c> on the running worker, with real RS256 tokens.</summary>
public sealed class OcrJobsApiTests(OcrWorkerFixture worker) : IClassFixture<OcrWorkerFixture>
{
    private const string Alice = "alice-sub";
    private const string Bob = "bob-sub";
    private static readonly string[] ArchivistRoles = [Realm.Roles.Archivist];
    private static readonly TimeSpan JobTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task TheOwnersJobIsAcceptedReadAndRecordsTheTokensSubject()
    {
        var id = await StoreAsync(Alice, "phototest.tif");

        using var response = await PostJobAsync(id, worker.Tokens.Create(Alice, ArchivistRoles));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var accepted = await worker.Database.GetAsync(id);
        Assert.Equal(Alice, accepted.OcrSubject);
        Assert.NotEqual(DocumentStatus.Received, accepted.Status);

        var done = await worker.Database.WaitForFinalStatusAsync(id, JobTimeout);
        Assert.Equal(DocumentStatus.Done, done.Status);
        Assert.Contains("quick brown dog", done.Text);
    }

    [Fact]
    public async Task AnotherUsersDocumentIsNotFoundAndLeftAlone()
    {
        var id = await StoreAsync(Alice, "phototest.tif");

        using var response = await PostJobAsync(id, worker.Tokens.Create(Bob, ArchivistRoles));

        await AssertProblemAsync(response, HttpStatusCode.NotFound);
        var document = await worker.Database.GetAsync(id);
        Assert.Equal(DocumentStatus.Received, document.Status);
        Assert.Null(document.OcrSubject);
    }

    [Fact]
    public async Task AnotherUsersDocumentLooksExactlyLikeAMissingOne()
    {
        var id = await StoreAsync(Alice, "phototest.tif");
        var bob = worker.Tokens.Create(Bob, ArchivistRoles);

        using var others = await PostJobAsync(id, bob);
        using var missing = await PostJobAsync(Guid.NewGuid(), bob);

        var othersProblem = await AssertProblemAsync(others, HttpStatusCode.NotFound);
        var missingProblem = await AssertProblemAsync(missing, HttpStatusCode.NotFound);
        Assert.Equal(missingProblem.Title, othersProblem.Title);
    }

    [Fact]
    public async Task ARequestWithoutATokenIsUnauthorized()
    {
        var id = await StoreAsync(Alice, "phototest.tif");

        using var response = await PostJobAsync(id, token: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(DocumentStatus.Received, (await worker.Database.GetAsync(id)).Status);
    }

    [Fact]
    public async Task ATokenForAnotherAudienceIsUnauthorized()
    {
        var id = await StoreAsync(Alice, "phototest.tif");
        var token = worker.Tokens.Create(Alice, ArchivistRoles, audience: "account");

        using var response = await PostJobAsync(id, token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task ATokenFromAnotherIssuerIsUnauthorized()
    {
        var id = await StoreAsync(Alice, "phototest.tif");
        var token = worker.Tokens.Create(Alice, ArchivistRoles,
            issuer: "https://localhost:1/realms/other");

        using var response = await PostJobAsync(id, token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task AUserWithoutTheArchivistRoleIsForbidden()
    {
        var id = await StoreAsync(Alice, "phototest.tif");

        using var response = await PostJobAsync(id, worker.Tokens.Create(Alice, ["visitor"]));

        await AssertProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.Equal(DocumentStatus.Received, (await worker.Database.GetAsync(id)).Status);
    }

    [Fact]
    public async Task RepeatingTheCallForAFinishedDocumentIsAcceptedWithoutChange()
    {
        var id = await StoreAsync(Alice, "phototest.tif", DocumentStatus.Done);
        var before = await worker.Database.GetAsync(id);

        using var response = await PostJobAsync(id, worker.Tokens.Create(Alice, ArchivistRoles));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(before, await worker.Database.GetAsync(id));
    }

    [Fact]
    public async Task AFailedDocumentIsAConflictWithoutChange()
    {
        var id = await StoreAsync(Alice, "invalid.pdf", DocumentStatus.Failed);

        using var response = await PostJobAsync(id, worker.Tokens.Create(Alice, ArchivistRoles));

        await AssertProblemAsync(response, HttpStatusCode.Conflict);
        Assert.Equal(DocumentStatus.Failed, (await worker.Database.GetAsync(id)).Status);
    }

    [Fact]
    public async Task AnEmptyDocumentIdIsAValidationProblem()
    {
        using var response = await PostJobAsync(
            Guid.Empty, worker.Tokens.Create(Alice, ArchivistRoles));

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains(nameof(OcrJobRequest.DocumentId), problem.Extensions["errors"]?.ToString());
    }

    [Fact]
    public async Task ADocumentIdThatIsNotAGuidIsABadRequest()
    {
        using var response = await PostRawAsync("""{"documentId":"not-a-guid"}""");

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.False(string.IsNullOrEmpty(problem.Detail ?? problem.Title));
    }

    [Fact]
    public async Task MalformedJsonIsABadRequest()
    {
        using var response = await PostRawAsync("""{"documentId": """);

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.False(string.IsNullOrEmpty(problem.Detail ?? problem.Title));
    }

    [Fact]
    public async Task TheSubjectGoesOnTheSpanAndIntoTheLogButTheTokenGoesNowhere()
    {
        var subject = $"subject-{Guid.NewGuid():N}";
        var id = await StoreAsync(subject, "phototest.tif");
        var token = worker.Tokens.Create(subject, ArchivistRoles);
        using var spans = new RequestSpans();

        using var response = await PostJobAsync(id, token);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await spans.WaitForSpanTaggedAsync(OcrTelemetry.EndUserId, subject);
        var accepted = Assert.Single(worker.Logs.Events, log => log.EventId == 1
            && Equals(log.Values.GetValueOrDefault("Subject"), subject));
        Assert.Equal(id, accepted.Values["DocumentId"]);
        var signature = token.Split('.')[2];
        Assert.DoesNotContain(worker.Logs.Events, log => log.Message.Contains(signature));
    }

    private Task<Guid> StoreAsync(
        string owner, string fileName, string status = DocumentStatus.Received) =>
        worker.Database.InsertAsync(fileName, TestData.Read(fileName), status, owner);

    private async Task<HttpResponseMessage> PostJobAsync(Guid documentId, string? token)
    {
        using var client = worker.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, OcrWorkerRoutes.Jobs)
        {
            Content = JsonContent.Create(new OcrJobRequest(documentId)),
        };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await client.SendAsync(request);
    }

    /// <summary>Posts a body as is, with an archivist's valid token.</summary>
    private async Task<HttpResponseMessage> PostRawAsync(string json)
    {
        using var client = worker.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, OcrWorkerRoutes.Jobs)
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue(
            "Bearer", worker.Tokens.Create(Alice, ArchivistRoles));
        return await client.SendAsync(request);
    }

    private static async Task<ProblemDetails> AssertProblemAsync(
        HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();
        Assert.NotNull(problem);
        Assert.Equal((int)status, problem.Status);
        return problem;
    }
}
