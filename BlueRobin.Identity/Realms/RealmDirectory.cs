namespace BlueRobin.Identity.Realms;

/// <summary>The realm as loaded from its file: clients and users, found by name or id.</summary>
public sealed class RealmDirectory
{
    private readonly Dictionary<string, RealmClient> _clients;
    private readonly Dictionary<string, RealmUser> _usersByName;
    private readonly Dictionary<string, RealmUser> _usersById;

    public RealmDirectory(
        string name,
        TimeSpan accessTokenLifetime,
        IEnumerable<RealmClient> clients,
        IEnumerable<RealmUser> users)
    {
        Name = name;
        AccessTokenLifetime = accessTokenLifetime;
        _clients = clients.ToDictionary(client => client.ClientId, StringComparer.Ordinal);

        var all = users.Concat(_clients.Values.Where(c => c.ServiceAccountsEnabled)
            .Select(ServiceAccountFor)).ToList();
        _usersByName = all.ToDictionary(user => user.Username, StringComparer.OrdinalIgnoreCase);
        _usersById = all.ToDictionary(user => user.Id, StringComparer.Ordinal);
    }

    public string Name { get; }
    public TimeSpan AccessTokenLifetime { get; }
    public int ClientCount => _clients.Count;
    public int UserCount => _usersByName.Count;

    public RealmClient? FindClient(string? clientId) =>
        clientId is not null && _clients.TryGetValue(clientId, out var client) ? client : null;

    /// <summary>A person who may sign in; service-account users never use a password.</summary>
    public RealmUser? FindUserByName(string? username) =>
        username is not null
        && _usersByName.TryGetValue(username, out var user)
        && user.ServiceAccountClientId is null ? user : null;

    public RealmUser? FindUserById(string? id) =>
        id is not null && _usersById.TryGetValue(id, out var user) ? user : null;

    public RealmUser ServiceAccountOf(RealmClient client) =>
        _usersByName[ServiceAccountName(client.ClientId)];

    private RealmUser ServiceAccountFor(RealmClient client) => new(password: null)
    {
        Id = StableId.For(Name, ServiceAccountName(client.ClientId)),
        Username = ServiceAccountName(client.ClientId),
        Enabled = true,
        ServiceAccountClientId = client.ClientId,
    };

    private static string ServiceAccountName(string clientId) => $"service-account-{clientId}";
}
