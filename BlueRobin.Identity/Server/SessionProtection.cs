using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Options;

namespace BlueRobin.Identity.Server;

/// <summary>
/// Keeps the data-protection keys behind the session and antiforgery cookies beside the token
/// keys, so that one directory holds all of the provider's secrets and each provider instance
/// (or test host) has its own key ring.
/// </summary>
public static class SessionProtection
{
    private const UnixFileMode OwnerOnly =
        UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    public static IServiceCollection AddSessionProtection(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName("BlueRobin.Identity");
        services.AddOptions<KeyManagementOptions>()
            .Configure<IOptions<IdentityProviderOptions>, ILoggerFactory>(UseKeyRingDirectory);

        return services;
    }

    private static void UseKeyRingDirectory(
        KeyManagementOptions keys,
        IOptions<IdentityProviderOptions> provider,
        ILoggerFactory loggers)
    {
        // Owner-only, parent included: without an XML encryptor the key ring is stored in clear.
        var path = KeyRingDirectory(provider.Value);
        var directory = OperatingSystem.IsWindows()
            ? Directory.CreateDirectory(path)
            : CreateOwnerOnly(path);
        keys.XmlRepository = new FileSystemXmlRepository(directory, loggers);
    }

    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static DirectoryInfo CreateOwnerOnly(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!, OwnerOnly);
        return Directory.CreateDirectory(path, OwnerOnly);
    }

    public static string KeyRingDirectory(IdentityProviderOptions options) => Path.Combine(
        Path.GetDirectoryName(Path.GetFullPath(options.SigningKeyPath))!, "data-protection");
}
