using Microsoft.Extensions.Logging;

namespace BlueRobin.ServiceDefaults.TokenPropagation;

// Messages name the service and never the token: a bearer token in a log is a credential
// handed to whoever reads the logs.
internal static partial class TokenPropagationLog
{
    [LoggerMessage(7101, LogLevel.Debug, "Forwarding the caller's access token to {Service}")]
    public static partial void Propagating(ILogger logger, string service);

    [LoggerMessage(7102, LogLevel.Trace,
        "Not forwarding the caller's access token to {Host}: it is not a listed service")]
    public static partial void NotListed(ILogger logger, string host);

    [LoggerMessage(7103, LogLevel.Warning,
        "Refused to call {Service}: there is no signed-in caller whose token it needs")]
    public static partial void MissingCallerToken(ILogger logger, string service);
}
