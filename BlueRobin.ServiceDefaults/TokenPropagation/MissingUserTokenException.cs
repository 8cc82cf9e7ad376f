namespace BlueRobin.ServiceDefaults.TokenPropagation;

/// <summary>
/// A call that must carry the caller's access token was attempted where there is no signed-in
/// caller (a background task, or an anonymous request). The request was not sent.
/// </summary>
public sealed class MissingUserTokenException : InvalidOperationException
{
    public MissingUserTokenException(string service, HttpMethod method, string path)
        : base($"The call {method} {path} to '{service}' must carry the caller's access token, "
            + "but there is no authenticated HTTP request with a bearer token to take it from. "
            + "The request was not sent.")
    {
        Service = service;
    }

    /// <summary>The logical name of the service the call was meant for.</summary>
    public string Service { get; }
}
