using System.Text.RegularExpressions;
using BlueRobin;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace Archives.Api.Hosting;

/// <summary>
/// Every error leaves as ProblemDetails with a <c>detail</c> that says what is wrong, including
/// the bodiless answers of the authentication and authorization middleware.
/// </summary>
public static partial class ProblemResponses
{
    public static TBuilder AddProblemResponses<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddProblemDetails(options =>
            options.CustomizeProblemDetails = context =>
                context.ProblemDetails.Detail ??= Explain(context.HttpContext));
        return builder;
    }

    public static ProblemHttpResult Problem(int statusCode, string detail) =>
        TypedResults.Problem(detail: detail, statusCode: statusCode);

    private static string Explain(HttpContext context) => context.Response.StatusCode switch
    {
        StatusCodes.Status401Unauthorized => ExplainChallenge(context),
        StatusCodes.Status403Forbidden =>
            $"Your token is valid but does not grant the realm role '{Realm.Roles.Archivist}', "
            + "which uploading and reading documents require.",
        StatusCodes.Status404NotFound =>
            $"Nothing is served at {context.Request.Method} {context.Request.Path}.",
        StatusCodes.Status405MethodNotAllowed =>
            $"{context.Request.Path} does not accept {context.Request.Method}.",
        >= 500 => "The request failed on the server; the trace id finds it in the logs.",
        var status => $"The request failed with status {status}.",
    };

    // JwtBearer names the failed check (issuer, audience, lifetime, signature) in its challenge
    // without echoing the token, so the same words can go into the body.
    private static string ExplainChallenge(HttpContext context)
    {
        var challenge = context.Response.Headers[HeaderNames.WWWAuthenticate].ToString();
        var description = ErrorDescription().Match(challenge);
        return description.Success
            ? $"The bearer token was refused: {description.Groups[1].Value}"
            : "This endpoint needs a bearer access token issued by the realm.";
    }

    [GeneratedRegex("error_description=\"([^\"]*)\"")]
    private static partial Regex ErrorDescription();
}
