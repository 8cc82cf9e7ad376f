using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace BlueRobin.Identity.Tests;

/// <summary>
/// The provider on a TestServer, serving the repository's realm file, with keys in a
/// temporary directory and the archives-api secret in the environment, as the AppHost gives it.
/// </summary>
public class IdentityProviderFactory : WebApplicationFactory<Program>
{
    public const string BaseUrl = "http://localhost";
    public const string Issuer = BaseUrl + "/realms/bluerobin";
    public const string ArchivesApiSecretVariable = "ARCHIVES_API_CLIENT_SECRET";
    public const string ArchivesApiSecret = "test-archives-api-secret";

    private readonly string _keyDirectory =
        Path.Combine(Path.GetTempPath(), "bluerobin-identity-tests", Guid.NewGuid().ToString("N"));

    public IdentityProviderFactory() =>
        Environment.SetEnvironmentVariable(ArchivesApiSecretVariable, ArchivesApiSecret);

    public static string RealmFile => Path.Combine(
        RepositoryRoot(), "BlueRobin.AppHost", "Realms", "bluerobin-realm.json");

    /// <summary>Everything the provider logged, at every level.</summary>
    public CapturedLogs Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.ConfigureAppConfiguration(configuration =>
            configuration.AddInMemoryCollection(Settings()));
        builder.ConfigureLogging(logging =>
            logging.SetMinimumLevel(LogLevel.Trace).AddProvider(Logs));
    }

    protected virtual Dictionary<string, string?> Settings() => new()
    {
        ["Identity:PublicBaseUrl"] = BaseUrl,
        ["Identity:RealmFile"] = RealmFile,
        ["Identity:SigningKeyPath"] = Path.Combine(_keyDirectory, "signing-key.pem"),
        ["Identity:EncryptionKeyPath"] = Path.Combine(_keyDirectory, "encryption-key.pem"),
    };

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(_keyDirectory))
        {
            Directory.Delete(_keyDirectory, recursive: true);
        }
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null
            && !File.Exists(Path.Combine(directory.FullName, "BlueRobin.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName
            ?? throw new InvalidOperationException("No BlueRobin.sln above the test output.");
    }
}

/// <summary>The same provider with the archives-api secret variable unset.</summary>
public sealed class ProviderWithoutArchivesSecretFactory : IdentityProviderFactory
{
    protected override Dictionary<string, string?> Settings()
    {
        var settings = base.Settings();
        settings[ArchivesApiSecretVariable] = "";
        return settings;
    }
}
