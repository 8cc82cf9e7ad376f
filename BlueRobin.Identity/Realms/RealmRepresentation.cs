using System.Text.Json.Serialization;

namespace BlueRobin.Identity.Realms;

// The subset of Keycloak's realm-export format this provider reads. Absent booleans keep
// Keycloak's import defaults, which is why they are nullable here.

public sealed class RealmRepresentation
{
    public string? Realm { get; init; }
    public bool? Enabled { get; init; }
    public int? AccessTokenLifespan { get; init; }
    public RolesRepresentation? Roles { get; init; }
    public List<ClientRepresentation> Clients { get; init; } = [];
    public List<UserRepresentation> Users { get; init; } = [];
}

public sealed class RolesRepresentation
{
    [JsonPropertyName("realm")]
    public List<RoleRepresentation> RealmRoles { get; init; } = [];
}

public sealed class RoleRepresentation
{
    public string? Name { get; init; }
}

public sealed class ClientRepresentation
{
    public string? ClientId { get; init; }
    public bool? Enabled { get; init; }
    public bool? PublicClient { get; init; }
    public bool? BearerOnly { get; init; }
    public string? Secret { get; init; }
    public bool? StandardFlowEnabled { get; init; }
    public bool? DirectAccessGrantsEnabled { get; init; }
    public bool? ServiceAccountsEnabled { get; init; }
    public List<string> RedirectUris { get; init; } = [];
    public List<string> WebOrigins { get; init; } = [];
    public Dictionary<string, string> Attributes { get; init; } = [];
    public List<ProtocolMapperRepresentation> ProtocolMappers { get; init; } = [];
}

public sealed class ProtocolMapperRepresentation
{
    public string? Name { get; init; }
    public string? ProtocolMapper { get; init; }
    public Dictionary<string, string> Config { get; init; } = [];
}

public sealed class UserRepresentation
{
    public string? Id { get; init; }
    public string? Username { get; init; }
    public bool? Enabled { get; init; }
    public string? Email { get; init; }
    public bool? EmailVerified { get; init; }
    public string? FirstName { get; init; }
    public string? LastName { get; init; }
    public List<CredentialRepresentation> Credentials { get; init; } = [];
    public List<string> RealmRoles { get; init; } = [];
}

public sealed class CredentialRepresentation
{
    public string? Type { get; init; }
    public string? Value { get; init; }
    public bool? Temporary { get; init; }
}
