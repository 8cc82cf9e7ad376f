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
    public static IServiceCollection AddSessionProtection(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName("BlueRobin.Identity");
        services.AddOptions<KeyManagementOptions>()
            .Configure<IOptions<IdentityProviderOptions>, ILoggerFactory>((keys, provider, loggers) =>
                keys.XmlRepository = new FileSystemXmlRepository(
                    new DirectoryInfo(KeyRingDirectory(provider.Value)), loggers));

        return services;
    }

    public static string KeyRingDirectory(IdentityProviderOptions options) => Path.Combine(
        Path.GetDirectoryName(Path.GetFullPath(options.SigningKeyPath))!, "data-protection");
}
