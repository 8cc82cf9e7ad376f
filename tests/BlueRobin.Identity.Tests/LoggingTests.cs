namespace BlueRobin.Identity.Tests;

public sealed class LoggingTests(IdentityProviderFactory provider)
    : IClassFixture<IdentityProviderFactory>
{
    [Fact]
    public async Task SignInsAreLoggedWithUserAndClientButNoSecretReachesAnyLogLevel()
    {
        var http = provider.CreateClient();
        var signedIn = await TokenClient.SignIn(http, "alice");
        await TokenClient.PasswordGrant(http, "bob", "bobs-wrong-password");
        var service = await TokenClient.ServiceAccount(http);
        const string verifier = "pkce-verifier-that-no-log-may-show-0123456789abcdef";
        await TokenClient.Post(http, new()
        {
            ["grant_type"] = "authorization_code",
            ["client_id"] = "bluerobin-cli",
            ["code"] = "not-a-code",
            ["code_verifier"] = verifier,
            ["redirect_uri"] = "http://127.0.0.1/callback",
        });

        var logs = provider.Logs.Messages;
        Assert.Contains(logs, m =>
            m.Contains("Sign-in succeeded for alice via client bluerobin-cli"));
        Assert.Contains(logs, m => m.Contains("Sign-in failed for bob via client bluerobin-cli"));

        string[] secrets =
        [
            TokenClient.DevPassword("alice"),
            "bobs-wrong-password",
            IdentityProviderFactory.ArchivesApiSecret,
            signedIn.AccessToken,
            signedIn.Body.GetProperty("refresh_token").GetString()!,
            service.AccessToken,
            verifier,
            "PRIVATE KEY",
        ];
        for (var i = 0; i < secrets.Length; i++)
        {
            // The message names the secret by position only, so a failure leaks nothing either.
            var leaked = logs.Any(m => m.Contains(secrets[i], StringComparison.Ordinal));
            Assert.False(leaked, $"secret #{i} of the list reached a log line");
        }
    }
}

public sealed class MissingSecretLoggingTests(ProviderWithoutArchivesSecretFactory provider)
    : IClassFixture<ProviderWithoutArchivesSecretFactory>
{
    [Fact]
    public async Task AClientWhoseSecretVariableIsUnsetIsReportedByVariableName()
    {
        await TokenClient.ServiceAccount(provider.CreateClient());

        Assert.Contains(provider.Logs.Messages, m =>
            m.Contains("archives-api", StringComparison.Ordinal)
            && m.Contains("ARCHIVES_API_CLIENT_SECRET", StringComparison.Ordinal)
            && m.Contains("not set", StringComparison.Ordinal));
    }
}
