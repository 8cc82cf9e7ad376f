using System.Security.Cryptography;

namespace BlueRobin.Identity.Realms;

/// <summary>A user of the realm, or the service-account user of a confidential client.</summary>
public sealed class RealmUser
{
    private readonly byte[]? _passwordDigest;

    public RealmUser(string? password) =>
        _passwordDigest = password is null ? null : ClientSecret.Digest(password);

    /// <summary>The stable subject identifier, a UUID as Keycloak uses.</summary>
    public required string Id { get; init; }
    public required string Username { get; init; }
    public bool Enabled { get; init; }
    public string? Email { get; init; }
    public bool EmailVerified { get; init; }
    public string? FirstName { get; init; }
    public string? LastName { get; init; }
    public IReadOnlyList<string> RealmRoles { get; init; } = [];

    /// <summary>Set for the user that stands for a client in client_credentials.</summary>
    public string? ServiceAccountClientId { get; init; }

    public string? FullName =>
        string.Join(' ', new[] { FirstName, LastName }.Where(part => !string.IsNullOrEmpty(part)))
            is { Length: > 0 } name ? name : null;

    public bool PasswordMatches(string? presented) =>
        _passwordDigest is not null
        && presented is not null
        && CryptographicOperations.FixedTimeEquals(_passwordDigest, ClientSecret.Digest(presented));
}
