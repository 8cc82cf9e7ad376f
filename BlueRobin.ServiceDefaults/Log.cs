using Microsoft.Extensions.Logging;

namespace BlueRobin.ServiceDefaults;

/// <summary>
/// ServiceDefaults' log events: workload identity (3000-3099) and token propagation
/// (7100-7199). Certificates are named by subject and thumbprint, services by name; no
/// private key and no token reaches a log, since either is a credential in a reader's hands.
/// </summary>
internal static partial class Log
{
    // Workload identity
    [LoggerMessage(3001, LogLevel.Information,
        "Workload {Caller} admitted to {Method} {Route}")]
    public static partial void WorkloadAdmitted(
        ILogger logger, string caller, string method, string route);

    [LoggerMessage(3002, LogLevel.Warning,
        "Workload {Caller} denied {Method} {Route}: not an admitted caller")]
    public static partial void WorkloadDenied(
        ILogger logger, string caller, string method, string route);

    [LoggerMessage(3003, LogLevel.Information,
        "Workload certificate for {Identity} loaded, valid until {NotAfter}, "
        + "thumbprint {Thumbprint}")]
    public static partial void WorkloadCertificateLoaded(
        ILogger logger, string identity, DateTime notAfter, string thumbprint);

    [LoggerMessage(3004, LogLevel.Debug,
        "Workload certificate {Path} is being replaced; keeping the previous one: {Reason}")]
    public static partial void WorkloadCertificateReloadDeferred(
        ILogger logger, string path, string reason);

    [LoggerMessage(3005, LogLevel.Warning,
        "Server certificate of {Target} refused: it does not prove {ExpectedIdentity} "
        + "from the trust anchor")]
    public static partial void ServerCertificateRefused(
        ILogger logger, string target, string expectedIdentity);

    [LoggerMessage(3006, LogLevel.Warning,
        "Client certificate {Subject} (thumbprint {Thumbprint}) refused: it is not a workload "
        + "certificate from the trust anchor; the TLS handshake fails")]
    public static partial void ClientCertificateRefused(
        ILogger logger, string subject, string thumbprint);

    // Token propagation
    [LoggerMessage(7101, LogLevel.Debug, "Forwarding the caller's access token to {Service}")]
    public static partial void Propagating(ILogger logger, string service);

    [LoggerMessage(7102, LogLevel.Trace,
        "Not forwarding the caller's access token to {Host}: it is not a listed service")]
    public static partial void NotListed(ILogger logger, string host);

    [LoggerMessage(7103, LogLevel.Warning,
        "Refused to call {Service}: there is no signed-in caller whose token it needs")]
    public static partial void MissingCallerToken(ILogger logger, string service);
}
