namespace BlueRobin.Identity.Realms;

/// <summary>A client of the realm, with Keycloak's import defaults applied.</summary>
public sealed class RealmClient
{
    public required string ClientId { get; init; }
    public bool Enabled { get; init; }
    public bool IsPublic { get; init; }

    /// <summary>A resource server only: it never authenticates and never gets tokens.</summary>
    public bool IsBearerOnly { get; init; }

    public bool StandardFlowEnabled { get; init; }
    public bool DirectAccessGrantsEnabled { get; init; }
    public bool ServiceAccountsEnabled { get; init; }
    public bool RequiresPkceS256 { get; init; }
    public IReadOnlyList<string> RedirectUris { get; init; } = [];

    /// <summary>The audiences that the client's <c>oidc-audience-mapper</c>s add.</summary>
    public IReadOnlyList<string> AccessTokenAudiences { get; init; } = [];

    /// <summary>The resolved secret; null for public and bearer-only clients.</summary>
    public ClientSecret? Secret { get; init; }
}
