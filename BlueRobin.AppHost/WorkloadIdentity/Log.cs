using Microsoft.Extensions.Logging;

namespace BlueRobin.AppHost.WorkloadIdentity;

/// <summary>The local issuer's log events (ids 3050-3099); keys are never logged.</summary>
internal static partial class Log
{
    [LoggerMessage(3051, LogLevel.Information,
        "Trust anchor created at {Path}, valid until {NotAfter}")]
    public static partial void TrustAnchorCreated(ILogger logger, string path, DateTime notAfter);

    [LoggerMessage(3052, LogLevel.Information,
        "Workload certificate issued for {ServiceAccount}, valid until {NotAfter}")]
    public static partial void WorkloadCertificateIssued(
        ILogger logger, string serviceAccount, DateTime notAfter);

    [LoggerMessage(3053, LogLevel.Error,
        "Renewing the workload certificate of {ServiceAccount} failed; retrying at the next check")]
    public static partial void WorkloadRenewalFailed(
        ILogger logger, Exception exception, string serviceAccount);
}
