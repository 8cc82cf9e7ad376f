using System.ComponentModel.DataAnnotations;

namespace BlueRobin.Identity;

/// <summary>The provider's settings, bound from the <c>Identity</c> section.</summary>
public sealed class IdentityProviderOptions
{
    public const string SectionName = "Identity";

    /// <summary>
    /// The address clients and resource servers use to reach the provider. The issuer is
    /// <c>{PublicBaseUrl}/realms/bluerobin</c>; it is fixed, as with Keycloak's KC_HOSTNAME, so
    /// that a token's issuer does not depend on which host name a caller happened to use.
    /// </summary>
    [Required, Url]
    public string PublicBaseUrl { get; set; } = $"http://localhost:{Realm.IdentityPort}";

    /// <summary>The Keycloak realm export to serve; by default the copy beside the app.</summary>
    [Required]
    public string RealmFile { get; set; } =
        Path.Combine(AppContext.BaseDirectory, "Realms", "bluerobin-realm.json");

    /// <summary>The RSA key that signs tokens, created (mode 0600) when missing.</summary>
    [Required]
    public string SigningKeyPath { get; set; } =
        Path.Combine(DefaultKeyDirectory, "signing-key.pem");

    /// <summary>
    /// The RSA key that encrypts authorization codes and refresh tokens, kept apart from the
    /// signing key so that each key has one use.
    /// </summary>
    [Required]
    public string EncryptionKeyPath { get; set; } =
        Path.Combine(DefaultKeyDirectory, "encryption-key.pem");

    public string Issuer => Realm.IssuerFor(PublicBaseUrl);

    // Outside the repository, so that keys are never committed and survive a clean checkout.
    private static string DefaultKeyDirectory => Path.Combine(
        Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData),
        "bluerobin",
        "identity");
}
