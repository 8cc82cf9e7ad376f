using BlueRobin;
using Microsoft.AspNetCore.Authorization;

namespace Archives.Api.Hosting;

public static class ArchivistAuthorization
{
    /// <summary>Upload and read documents: the realm's <c>archivist</c> role.</summary>
    public const string Policy = "archivist";

    /// <summary>
    /// Every endpoint needs a signed-in user unless it says otherwise (health, OpenAPI), so a
    /// new endpoint cannot be public by accident; documents need the archivist role as well.
    /// </summary>
    public static TBuilder AddArchivistAuthorization<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policy, policy => policy
                .RequireAuthenticatedUser()
                .RequireClaim(RealmAuthenticationExtensions.SubjectClaimType)
                .RequireRole(Realm.Roles.Archivist));
        return builder;
    }
}
