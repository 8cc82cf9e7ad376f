namespace BlueRobin.Identity;

/// <summary>Keycloak's URL layout for the realm, relative to the provider's base address.</summary>
public static class RealmPaths
{
    public const string Realm = $"/realms/{BlueRobin.Realm.Name}";
    public const string Protocol = $"{Realm}/protocol/openid-connect";

    public const string Configuration = $"{Realm}/.well-known/openid-configuration";
    public const string Token = $"{Protocol}/token";
    public const string Certs = $"{Protocol}/certs";
    public const string Authorization = $"{Protocol}/auth";
    public const string UserInfo = $"{Protocol}/userinfo";
    public const string Logout = $"{Protocol}/logout";

    /// <summary>Where the login form posts, as Keycloak's login actions do.</summary>
    public const string Login = $"{Realm}/login-actions/authenticate";

    /// <summary>OpenIddict takes endpoint paths without the leading slash.</summary>
    public static string Relative(string path) => path.TrimStart('/');
}
