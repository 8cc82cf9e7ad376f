using System.Security.Claims;
using Archives.Api.Hosting;
using Archives.Api.Ocr;
using BlueRobin.Documents;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Archives.Api.Documents;

public static class DocumentsApi
{
    private const int MaxQueryLength = 256;
    private const string LogCategory = "Archives.Api.Documents";

    public static RouteGroupBuilder MapDocumentsApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/documents")
            .RequireAuthorization(ArchivistAuthorization.Policy)
            .WithTags("Documents");

        group.MapPost("/", Upload)
            .WithName("UploadDocument")
            .Accepts<IFormFile>("multipart/form-data")
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status502BadGateway)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        group.MapGet("/", List).WithName("ListDocuments");
        group.MapGet("/search", Search).WithName("SearchDocuments");
        group.MapGet("/{id:guid}", Get).WithName("GetDocument");

        return group;
    }

    /// <summary>
    /// Stores the file, then hands it to Ocr.Worker on the user's behalf. The client gets 202
    /// only once the worker took it; otherwise the row is removed again and nothing is kept.
    /// </summary>
    public static async Task<Results<Accepted<DocumentAccepted>, ProblemHttpResult>> Upload(
        HttpContext context, ClaimsPrincipal user, DocumentStore store, OcrWorkerClient worker,
        IOptions<DocumentsOptions> options, ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(LogCategory);
        var (file, problem) = await UploadForm.ReadAsync(
            context.Request, options.Value.MaxUploadBytes, cancellationToken);
        if (file is null)
        {
            Log.UploadRejected(logger, problem!.StatusCode, problem.ProblemDetails.Detail!);
            return problem;
        }

        var contentType = FileSignature.Detect(file.Content);
        if (contentType is null)
        {
            const string detail = "The file is not a PNG, JPEG, TIFF or PDF document, judged by "
                + "its first bytes (its name and declared type are not trusted).";
            Log.UploadRejected(logger, StatusCodes.Status415UnsupportedMediaType, detail);
            return ProblemResponses.Problem(StatusCodes.Status415UnsupportedMediaType, detail);
        }

        var owner = Owner(user);
        var document = new NewDocument(
            Guid.CreateVersion7(), owner, file.FileName, contentType, file.Content);
        await store.InsertReceivedAsync(document, cancellationToken);

        OcrSubmission submission;
        try
        {
            submission = await worker.SubmitAsync(document.Id, cancellationToken);
        }
        catch
        {
            // Whatever stopped the call (the client left, no token), the row must not outlive it.
            await store.DeleteReceivedAsync(document.Id, CancellationToken.None);
            throw;
        }

        switch (submission.Outcome)
        {
            case OcrSubmissionOutcome.Accepted:
                var status = await store.FindStatusAsync(document.Id, owner, cancellationToken)
                    ?? DocumentStatus.Received;
                Log.UploadAccepted(logger, document.Id, contentType, file.Content.Length, status);
                return TypedResults.Accepted(
                    $"/documents/{document.Id}", new DocumentAccepted(document.Id, status));

            case OcrSubmissionOutcome.Refused:
                await store.DeleteReceivedAsync(document.Id, CancellationToken.None);
                Log.WorkerRefused(logger, document.Id, submission.StatusCode!.Value);
                return ProblemResponses.Problem(StatusCodes.Status502BadGateway,
                    $"The OCR service refused the job (status {submission.StatusCode}), "
                    + "so the upload was not kept.");

            default:
                await store.DeleteReceivedAsync(document.Id, CancellationToken.None);
                Log.WorkerUnreachable(logger, document.Id, submission.Reason);
                var retryAfter = options.Value.RetryAfterSeconds;
                context.Response.Headers.RetryAfter = retryAfter.ToString();
                return ProblemResponses.Problem(StatusCodes.Status503ServiceUnavailable,
                    "The OCR service cannot be reached, so the upload was not kept. "
                    + $"Try again in {retryAfter} seconds.");
        }
    }

    /// <summary>The caller's own documents, newest first.</summary>
    public static async Task<Ok<IReadOnlyList<DocumentSummary>>> List(
        ClaimsPrincipal user, DocumentStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok(await store.ListAsync(Owner(user), cancellationToken));

    /// <summary>One of the caller's documents; another user's answers as a missing one.</summary>
    public static async Task<Results<Ok<DocumentDetails>, ProblemHttpResult>> Get(
        Guid id, ClaimsPrincipal user, DocumentStore store, CancellationToken cancellationToken)
    {
        var document = await store.FindAsync(id, Owner(user), cancellationToken);
        return document is null
            ? ProblemResponses.Problem(StatusCodes.Status404NotFound,
                $"You have no document with id {id}.")
            : TypedResults.Ok(document);
    }

    /// <summary>Full-text search over the caller's read documents, best match first.</summary>
    public static async Task<Results<Ok<IReadOnlyList<SearchHit>>, ProblemHttpResult>> Search(
        string? q, ClaimsPrincipal user, DocumentStore store, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(q))
        {
            return ProblemResponses.Problem(StatusCodes.Status400BadRequest,
                "Give the words to look for in the query parameter 'q'.");
        }

        if (q.Length > MaxQueryLength)
        {
            return ProblemResponses.Problem(StatusCodes.Status400BadRequest,
                $"The query 'q' is longer than {MaxQueryLength} characters.");
        }

        return TypedResults.Ok(await store.SearchAsync(Owner(user), q, cancellationToken));
    }

    // The archivist policy requires the claim, so every handler here has it.
    private static string Owner(ClaimsPrincipal user) =>
        user.FindFirstValue(RealmAuthenticationExtensions.SubjectClaimType)!;
}
