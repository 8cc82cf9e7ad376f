using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Npgsql;

namespace Ocr.Worker;

/// <summary>
/// Answers 503 with a ProblemDetails when PostgreSQL cannot be reached, so that a caller
/// knows to retry rather than treat the job as refused.
/// </summary>
internal sealed class DatabaseUnavailableHandler(IProblemDetailsService problemDetails)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(
        HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not NpgsqlException)
        {
            return false;
        }

        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = new ProblemDetails
            {
                Title = "Archive database unavailable",
                Detail = "The OCR worker cannot reach the archive database; try again shortly.",
                Status = StatusCodes.Status503ServiceUnavailable,
            },
        });
    }
}
