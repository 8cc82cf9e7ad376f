using System.Security.Claims;
using System.Text.Json;
using BlueRobin.ServiceDefaults.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// JWT bearer authentication against the realm, shaped for Keycloak's access tokens:
/// <c>sub</c> stays <c>sub</c>, and <c>realm_access.roles</c> become role claims.
/// </summary>
public static class RealmAuthenticationExtensions
{
    public const string RoleClaimType = "role";
    public const string SubjectClaimType = "sub";
    public const string UserNameClaimType = "preferred_username";

    /// <summary>The most clock difference a token's lifetime check tolerates.</summary>
    public static readonly TimeSpan MaximumClockSkew = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Adds bearer authentication that admits only RS256 tokens from the realm's issuer
    /// whose audience includes <paramref name="audience"/> (the service's own name).
    /// </summary>
    public static TBuilder AddRealmAuthentication<TBuilder>(this TBuilder builder, string audience)
        where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddOptions<RealmAuthenticationOptions>()
            .BindConfiguration(RealmAuthenticationOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(
                options => options.AllowInsecureAuthority || IsHttps(options.Authority),
                "Identity:Authority must be an https URL unless "
                + "Identity:AllowInsecureAuthority is true.")
            .ValidateOnStart();

        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer();

        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<RealmAuthenticationOptions>>((jwt, realm) =>
                ConfigureJwtBearer(jwt, realm.Value, audience));

        builder.Services.AddAuthorization();
        return builder;
    }

    private static void ConfigureJwtBearer(
        JwtBearerOptions jwt, RealmAuthenticationOptions realm, string audience)
    {
        jwt.Authority = realm.Authority;
        jwt.RequireHttpsMetadata = !realm.AllowInsecureAuthority;
        jwt.MapInboundClaims = false;
        jwt.TokenValidationParameters = new TokenValidationParameters
        {
            ValidIssuer = (realm.Issuer ?? realm.Authority).TrimEnd('/'),
            ValidAudience = audience,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            ClockSkew = MaximumClockSkew,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            NameClaimType = UserNameClaimType,
            RoleClaimType = RoleClaimType,
        };
        jwt.Events = new JwtBearerEvents
        {
            OnTokenValidated = context =>
            {
                if (context.Principal?.Identity is ClaimsIdentity identity)
                {
                    AddRealmRoles(identity);
                }

                return Task.CompletedTask;
            },
        };
    }

    /// <summary>Copies Keycloak's nested <c>realm_access.roles</c> into flat role claims.</summary>
    public static void AddRealmRoles(ClaimsIdentity identity)
    {
        var realmAccess = identity.FindFirst("realm_access")?.Value;
        if (string.IsNullOrEmpty(realmAccess))
        {
            return;
        }

        using var document = JsonDocument.Parse(realmAccess);
        if (document.RootElement.ValueKind != JsonValueKind.Object
            || !document.RootElement.TryGetProperty("roles", out var roles)
            || roles.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        foreach (var role in roles.EnumerateArray())
        {
            if (role.ValueKind == JsonValueKind.String)
            {
                identity.AddClaim(new Claim(RoleClaimType, role.GetString()!));
            }
        }
    }

    private static bool IsHttps(string authority) =>
        Uri.TryCreate(authority, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps;
}
