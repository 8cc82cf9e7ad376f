using System.Security.Cryptography;
using BlueRobin;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Archives.Api.Tests.Infrastructure;

/// <summary>
/// Signs RS256 access tokens shaped like Keycloak's with a key the tests hold, for the issuer
/// the API is configured with.
/// </summary>
public sealed class RealmTokens
{
    // A loopback issuer on the discard port: the API never fetches metadata from it, because
    // the tests hand it the signing key directly.
    public const string Issuer = "http://127.0.0.1:9/realms/bluerobin";

    public RsaSecurityKey SigningKey { get; } = NewKey("bluerobin-test-key");

    public string For(
        string subject, string[] roles, string audience = ResourceNames.ArchivesApi,
        RsaSecurityKey? signedWith = null)
    {
        var now = DateTime.UtcNow;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddMinutes(5),
            Claims = new Dictionary<string, object>
            {
                ["sub"] = subject,
                ["preferred_username"] = subject,
                ["typ"] = "Bearer",
                ["realm_access"] = new Dictionary<string, object> { ["roles"] = roles },
            },
            SigningCredentials = new SigningCredentials(
                signedWith ?? SigningKey, SecurityAlgorithms.RsaSha256),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }

    public static RsaSecurityKey NewKey(string keyId) =>
        new(RSA.Create(2048)) { KeyId = keyId };
}

/// <summary>
/// The people in the tests: archivists such as alice and bob, and carol, who is signed in but
/// no archivist. Each test makes its own, so that tests sharing a database never see each
/// other's documents.
/// </summary>
public static class Users
{
    public static readonly string[] Archivist = [Realm.Roles.Archivist];
    public static readonly string[] NoRoles = ["offline_access"];

    public static string New(string name) => $"{name}-{Guid.NewGuid():N}";
}
