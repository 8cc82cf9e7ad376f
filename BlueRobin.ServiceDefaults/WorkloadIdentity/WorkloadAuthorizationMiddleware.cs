using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BlueRobin.ServiceDefaults.WorkloadIdentity;

/// <summary>
/// Admits a request on the service endpoint only when the calling workload is one of the
/// admitted callers. It runs first in the pipeline, so an unadmitted workload gets 403 before
/// its user token is even read; the health endpoint answers probes and nothing else.
/// </summary>
public sealed class WorkloadAuthorizationMiddleware(
    RequestDelegate next,
    IOptions<WorkloadIdentityOptions> options,
    ILogger<WorkloadAuthorizationMiddleware> logger)
{
    /// <summary>The header Linkerd's inbound proxy sets to the meshed caller's identity.</summary>
    public const string LinkerdClientIdHeader = "l5d-client-id";

    public const string CallerTag = "bluerobin.workload.caller";
    public const string DecisionTag = "bluerobin.workload.decision";

    private readonly WorkloadIdentityOptions _options = options.Value;
    private readonly HashSet<string> _admitted =
        new(options.Value.AdmittedCallers, StringComparer.OrdinalIgnoreCase);

    public Task InvokeAsync(HttpContext context)
    {
        var listener = WorkloadListeners.Of(context);
        if (listener == WorkloadListener.Health)
        {
            return IsProbe(context.Request.Path) ? next(context) : NotServedHere(context);
        }

        var caller = ReadCaller(context);
        if (listener != WorkloadListener.Service || _options.Mode == WorkloadIdentityMode.Off)
        {
            return next(context);
        }

        var admitted = caller is not null
            && WorkloadIdentityName.TryGetServiceAccount(
                caller, _options.Namespace, out var serviceAccount)
            && _admitted.Contains(serviceAccount);
        Record(context, caller, admitted);

        return admitted ? next(context) : Forbid(context, caller);
    }

    /// <summary>
    /// The caller's identity as this mode establishes it. Outside Mesh mode the Linkerd
    /// header proves nothing (any client can send it), so it is removed before the
    /// application could mistake it for an identity.
    /// </summary>
    private string? ReadCaller(HttpContext context)
    {
        if (_options.Mode != WorkloadIdentityMode.Mesh)
        {
            context.Request.Headers.Remove(LinkerdClientIdHeader);
        }

        return _options.Mode switch
        {
            WorkloadIdentityMode.Mtls when context.Connection.ClientCertificate is { } certificate
                => WorkloadCertificateAuthority.GetDnsNames(certificate).SingleOrDefault(),
            WorkloadIdentityMode.Mesh
                => context.Request.Headers[LinkerdClientIdHeader].SingleOrDefault(),
            _ => null,
        };
    }

    private void Record(HttpContext context, string? caller, bool admitted)
    {
        var decision = admitted ? "allowed" : "denied";
        var activity = Activity.Current;
        activity?.SetTag(CallerTag, caller ?? "");
        activity?.SetTag(DecisionTag, decision);

        var route = context.Request.Path.Value ?? "/";
        if (admitted)
        {
            Log.WorkloadAdmitted(logger, caller!, context.Request.Method, route);
        }
        else
        {
            Log.WorkloadDenied(logger, caller ?? "(none)", context.Request.Method, route);
        }
    }

    private static Task Forbid(HttpContext context, string? caller) =>
        WriteProblem(context, StatusCodes.Status403Forbidden, "Workload not admitted",
            caller is null
                ? "The request carries no workload identity."
                : $"The workload '{caller}' is not an admitted caller of this service.");

    private static Task NotServedHere(HttpContext context) =>
        WriteProblem(context, StatusCodes.Status404NotFound, "Not found",
            "The health endpoint serves only the health and liveness probes.");

    private static Task WriteProblem(HttpContext context, int status, string title, string detail)
    {
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail };
        return TypedResults.Problem(problem).ExecuteAsync(context);
    }

    private static bool IsProbe(PathString path) =>
        path.Equals(ServiceDefaultsExtensions.HealthPath, StringComparison.OrdinalIgnoreCase)
        || path.Equals(ServiceDefaultsExtensions.AlivePath, StringComparison.OrdinalIgnoreCase);
}
