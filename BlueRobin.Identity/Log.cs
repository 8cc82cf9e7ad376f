namespace BlueRobin.Identity;

/// <summary>
/// The provider's log events. Usernames, client ids, paths, key ids and variable names only:
/// never a password, secret, token or key material.
/// </summary>
public static partial class Log
{
    [LoggerMessage(1, LogLevel.Information,
        "Realm {Realm} loaded from {RealmFile}: {ClientCount} clients, {UserCount} users")]
    public static partial void RealmLoaded(
        ILogger logger, string realm, string realmFile, int clientCount, int userCount);

    [LoggerMessage(2, LogLevel.Warning,
        "Client {ClientId} refers to environment variable {Variable}, which is not set: "
        + "the client cannot authenticate until it is")]
    public static partial void ClientSecretVariableMissing(
        ILogger logger, string clientId, string variable);

    [LoggerMessage(3, LogLevel.Warning,
        "Confidential client {ClientId} has no secret in the realm file: it cannot authenticate")]
    public static partial void ClientSecretAbsent(ILogger logger, string clientId);

    [LoggerMessage(4, LogLevel.Information, "RSA key {KeyId} loaded from {Path}")]
    public static partial void KeyLoaded(ILogger logger, string path, string keyId);

    [LoggerMessage(5, LogLevel.Information, "New RSA key created at {Path}")]
    public static partial void KeyCreated(ILogger logger, string path);

    [LoggerMessage(6, LogLevel.Warning,
        "Key file {Path} can be read by users other than its owner; restrict it to mode 0600")]
    public static partial void KeyFileTooOpen(ILogger logger, string path);

    [LoggerMessage(10, LogLevel.Information,
        "Sign-in succeeded for {Username} via client {ClientId} ({GrantType})")]
    public static partial void SignInSucceeded(
        ILogger logger, string username, string? clientId, string? grantType);

    [LoggerMessage(11, LogLevel.Warning,
        "Sign-in failed for {Username} via client {ClientId}: {Reason}")]
    public static partial void SignInFailed(
        ILogger logger, string? username, string? clientId, string reason);

    [LoggerMessage(12, LogLevel.Information, "Service-account token issued to client {ClientId}")]
    public static partial void ServiceAccountTokenIssued(ILogger logger, string clientId);

    [LoggerMessage(20, LogLevel.Warning, "Client {ClientId} failed to authenticate: {Reason}")]
    public static partial void ClientAuthenticationFailed(
        ILogger logger, string? clientId, string reason);

    [LoggerMessage(21, LogLevel.Error,
        "Client {ClientId} cannot authenticate: its secret variable {Variable} is not set")]
    public static partial void ClientSecretUnavailable(
        ILogger logger, string clientId, string variable);

    [LoggerMessage(22, LogLevel.Warning, "Client {ClientId} refused grant {GrantType}: {Reason}")]
    public static partial void GrantRefused(
        ILogger logger, string clientId, string? grantType, string reason);

    [LoggerMessage(23, LogLevel.Warning,
        "Client {ClientId} asked for unregistered redirect URI {RedirectUri}")]
    public static partial void RedirectUriRefused(
        ILogger logger, string clientId, string? redirectUri);

    [LoggerMessage(13, LogLevel.Information, "Session ended for {Username} (client {ClientId})")]
    public static partial void SessionEnded(ILogger logger, string? username, string? clientId);

    [LoggerMessage(24, LogLevel.Warning,
        "Client {ClientId} presented an authorization code that was already redeemed")]
    public static partial void CodeReplayed(ILogger logger, string clientId);
}
