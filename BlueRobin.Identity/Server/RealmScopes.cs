using static OpenIddict.Abstractions.OpenIddictConstants;

namespace BlueRobin.Identity.Server;

/// <summary>
/// The realm's client scopes. As in Keycloak, <c>profile</c> and <c>email</c> are default
/// scopes granted to every user token; the others are granted when asked for.
/// </summary>
public static class RealmScopes
{
    public const string RolesScope = "roles";

    public static readonly string[] Supported =
        [Scopes.OpenId, Scopes.Profile, Scopes.Email, Scopes.OfflineAccess, RolesScope];

    private static readonly string[] Defaults = [Scopes.Profile, Scopes.Email];

    public static IEnumerable<string> Grant(IEnumerable<string> requested) =>
        requested.Intersect(Supported, StringComparer.Ordinal)
            .Union(Defaults, StringComparer.Ordinal);
}
