using System.Diagnostics;
using System.Security.Claims;
using BlueRobin.Documents;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ocr.Worker.Jobs;

/// <summary>
/// <c>POST /ocr-jobs</c>: Archives.Api asks, with the owner's own token, for a stored document
/// to be read. The owner comes from the token's <c>sub</c>, never from the body.
/// </summary>
public static class OcrJobsApi
{
    /// <summary>An archivist's token with a subject, issued for this worker.</summary>
    public const string ArchivistPolicy = "archivist-with-subject";

    public static RouteGroupBuilder MapOcrJobsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(OcrWorkerRoutes.Jobs)
            .WithTags("OCR jobs")
            .RequireAuthorization(ArchivistPolicy);

        group.MapPost("", AcceptJob);
        return group;
    }

    /// <summary>202 once queued (or already handled); 404 or 409 as ProblemDetails.</summary>
    public static async Task<Results<Accepted, ValidationProblem, ProblemHttpResult>> AcceptJob(
        OcrJobRequest request,
        ClaimsPrincipal user,
        DocumentQueue queue,
        OcrJobSignal signal,
        ILoggerFactory loggerFactory,
        CancellationToken cancellationToken)
    {
        if (request.DocumentId == Guid.Empty)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                [nameof(OcrJobRequest.DocumentId)] = ["A document id is required."],
            });
        }

        // The policy admits only tokens that carry a subject.
        var subject = user.FindFirstValue(RealmAuthenticationExtensions.SubjectClaimType)!;
        Activity.Current?.SetTag(OcrTelemetry.EndUserId, subject);
        Activity.Current?.SetTag("bluerobin.document.id", request.DocumentId);

        var acceptance = await queue.AcceptAsync(
            request.DocumentId, subject, Activity.Current?.Id, cancellationToken);
        switch (acceptance)
        {
            case JobAcceptance.NotFound:
                // Someone else's document looks exactly like a missing one.
                return TypedResults.Problem(
                    title: "Document not found",
                    detail: $"You have no document {request.DocumentId}.",
                    statusCode: StatusCodes.Status404NotFound);
            case JobAcceptance.AlreadyFailed:
                return TypedResults.Problem(
                    title: "Document already failed",
                    detail: $"Document {request.DocumentId} was read before and failed; "
                        + "its failure reason says why. Upload it again to retry.",
                    statusCode: StatusCodes.Status409Conflict);
            case JobAcceptance.Queued:
                loggerFactory.CreateLogger(typeof(OcrJobsApi))
                    .JobAccepted(request.DocumentId, subject);
                signal.Notify();
                break;
        }

        return TypedResults.Accepted((string?)null);
    }
}
