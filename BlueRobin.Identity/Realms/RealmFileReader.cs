using System.Text.Json;

namespace BlueRobin.Identity.Realms;

/// <summary>Reads a Keycloak realm export and applies Keycloak's import defaults.</summary>
public sealed class RealmFileReader(IConfiguration configuration, ILogger<RealmFileReader> logger)
{
    private const string AudienceMapper = "oidc-audience-mapper";
    private const string PkceAttribute = "pkce.code.challenge.method";

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    public RealmDirectory Read(string path)
    {
        using var stream = File.OpenRead(path);
        var realm = JsonSerializer.Deserialize<RealmRepresentation>(stream, JsonOptions)
            ?? throw new InvalidDataException($"The realm file '{path}' is empty.");

        if (realm.Realm != BlueRobin.Realm.Name)
        {
            throw new InvalidDataException(
                $"The realm file '{path}' defines realm '{realm.Realm}', "
                + $"not '{BlueRobin.Realm.Name}'.");
        }

        var clients = realm.Clients.Select(ToClient).ToList();
        var users = realm.Users.Select(user => ToUser(realm.Realm, user)).ToList();
        var lifetime = TimeSpan.FromSeconds(realm.AccessTokenLifespan ?? 300);
        return new RealmDirectory(realm.Realm, lifetime, clients, users);
    }

    private RealmClient ToClient(ClientRepresentation client)
    {
        var clientId = client.ClientId
            ?? throw new InvalidDataException("A client in the realm file has no clientId.");
        var isPublic = client.PublicClient ?? false;
        var isBearerOnly = client.BearerOnly ?? false;

        return new RealmClient
        {
            ClientId = clientId,
            Enabled = client.Enabled ?? true,
            IsPublic = isPublic,
            IsBearerOnly = isBearerOnly,
            StandardFlowEnabled = client.StandardFlowEnabled ?? true,
            DirectAccessGrantsEnabled = client.DirectAccessGrantsEnabled ?? false,
            ServiceAccountsEnabled = client.ServiceAccountsEnabled ?? false,
            RequiresPkceS256 = client.Attributes.GetValueOrDefault(PkceAttribute) == "S256",
            RedirectUris = client.RedirectUris,
            AccessTokenAudiences = AudiencesOf(client),
            Secret = isPublic || isBearerOnly ? null : ResolveSecret(clientId, client.Secret),
        };
    }

    private static List<string> AudiencesOf(ClientRepresentation client) =>
        client.ProtocolMappers
            .Where(mapper => mapper.ProtocolMapper == AudienceMapper)
            .Where(mapper =>
                mapper.Config.GetValueOrDefault("access.token.claim", "true") == "true")
            .Select(mapper => mapper.Config.GetValueOrDefault("included.client.audience"))
            .OfType<string>()
            .Where(audience => audience.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .ToList();

    private ClientSecret? ResolveSecret(string clientId, string? secret)
    {
        if (string.IsNullOrEmpty(secret))
        {
            Log.ClientSecretAbsent(logger, clientId);
            return null;
        }

        var variable = SecretPlaceholder.VariableOf(secret);
        if (variable is null)
        {
            return ClientSecret.FromValue(secret, variable: null);
        }

        var value = configuration[variable];
        if (string.IsNullOrEmpty(value))
        {
            Log.ClientSecretVariableMissing(logger, clientId, variable);
            return ClientSecret.Missing(variable);
        }

        return ClientSecret.FromValue(value, variable);
    }

    private static RealmUser ToUser(string realm, UserRepresentation user)
    {
        var username = user.Username?.ToLowerInvariant()
            ?? throw new InvalidDataException("A user in the realm file has no username.");
        var password = user.Credentials
            .FirstOrDefault(credential =>
                credential.Type == "password" && credential.Temporary != true)
            ?.Value;

        return new RealmUser(password)
        {
            Id = string.IsNullOrEmpty(user.Id) ? StableId.For(realm, username) : user.Id,
            Username = username,
            Enabled = user.Enabled ?? false,
            Email = user.Email,
            EmailVerified = user.EmailVerified ?? false,
            FirstName = user.FirstName,
            LastName = user.LastName,
            RealmRoles = user.RealmRoles,
        };
    }
}
