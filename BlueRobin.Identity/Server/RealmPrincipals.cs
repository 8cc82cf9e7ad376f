using System.Security.Claims;
using System.Text.Json.Nodes;
using BlueRobin.Identity.Realms;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace BlueRobin.Identity.Server;

/// <summary>
/// Builds the principal OpenIddict turns into tokens, with Keycloak's claim names:
/// <c>preferred_username</c>, <c>realm_access.roles</c>, and audiences from the client's
/// audience mappers only.
/// </summary>
public static class RealmPrincipals
{
    public const string RealmAccessClaim = "realm_access";

    public static ClaimsPrincipal For(
        RealmUser user, RealmClient client, IEnumerable<string> scopes)
    {
        var identity = new ClaimsIdentity(
            OpenIddictServerAspNetCoreDefaults.AuthenticationScheme,
            Claims.PreferredUsername,
            Claims.Role);

        identity.SetClaim(Claims.Subject, user.Id)
            .SetClaim(Claims.PreferredUsername, user.Username)
            .SetClaim(Claims.Email, user.Email)
            .SetClaim(Claims.EmailVerified, user.Email is null ? null : user.EmailVerified)
            .SetClaim(Claims.Name, user.FullName)
            .SetClaim(Claims.GivenName, user.FirstName)
            .SetClaim(Claims.FamilyName, user.LastName)
            .SetClaim(RealmAccessClaim, RealmAccess(user.RealmRoles));

        identity.SetScopes(scopes);
        identity.SetResources(client.AccessTokenAudiences);
        identity.SetDestinations(DestinationsOf);
        return new ClaimsPrincipal(identity);
    }

    private static JsonObject RealmAccess(IEnumerable<string> roles) => new()
    {
        ["roles"] = new JsonArray([.. roles.Select(role => (JsonNode?)JsonValue.Create(role))]),
    };

    private static IEnumerable<string> DestinationsOf(Claim claim) => claim.Type switch
    {
        Claims.Subject or Claims.PreferredUsername or Claims.Email or Claims.EmailVerified
            or Claims.Name or Claims.GivenName or Claims.FamilyName
            => [Destinations.AccessToken, Destinations.IdentityToken],

        RealmAccessClaim => [Destinations.AccessToken],

        _ => [],
    };
}
