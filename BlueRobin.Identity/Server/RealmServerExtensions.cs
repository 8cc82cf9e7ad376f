using BlueRobin.Identity.Realms;
using BlueRobin.Identity.Signing;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace BlueRobin.Identity.Server;

/// <summary>
/// OpenIddict's server configured as the realm: Keycloak's paths, the realm file as client and
/// user store (degraded mode, no database), persistent RSA keys, plain JWT access tokens.
/// </summary>
public static class RealmServerExtensions
{
    /// <summary>Keycloak's default <c>accessCodeLifespan</c>.</summary>
    private static readonly TimeSpan KeycloakCodeLifetime = TimeSpan.FromSeconds(60);

    public static IHostApplicationBuilder AddRealmServer(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<IdentityProviderOptions>()
            .BindConfiguration(IdentityProviderOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(
                options => File.Exists(options.RealmFile),
                "Identity:RealmFile must name an existing Keycloak realm export.")
            .ValidateOnStart();

        builder.Services.AddSingleton<RealmFileReader>();
        builder.Services.AddSingleton<RedeemedCodes>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(LoadRealm);

        builder.Services.AddOpenIddict().AddServer(server =>
        {
            server.EnableDegradedMode();
            server.SetConfigurationEndpointUris(RealmPaths.Relative(RealmPaths.Configuration))
                .SetJsonWebKeySetEndpointUris(RealmPaths.Relative(RealmPaths.Certs))
                .SetTokenEndpointUris(RealmPaths.Relative(RealmPaths.Token))
                .SetAuthorizationEndpointUris(RealmPaths.Relative(RealmPaths.Authorization))
                .SetUserInfoEndpointUris(RealmPaths.Relative(RealmPaths.UserInfo))
                .SetEndSessionEndpointUris(RealmPaths.Relative(RealmPaths.Logout));

            server.AllowPasswordFlow()
                .AllowClientCredentialsFlow()
                .AllowAuthorizationCodeFlow()
                .AllowRefreshTokenFlow();
            server.RegisterScopes(RealmScopes.Supported);

            // Only S256: plain PKCE sends the verifier's value in the front channel.
            server.Configure(options => options.CodeChallengeMethods.Remove(
                OpenIddictConstants.CodeChallengeMethods.Plain));
            server.DisableAccessTokenEncryption();

            server.AddEventHandler<ValidateTokenRequestContext>(handler =>
                handler.UseSingletonHandler<ClientRequestValidation>());
            server.AddEventHandler<ValidateAuthorizationRequestContext>(handler =>
                handler.UseSingletonHandler<AuthorizationRequestValidation>());
            server.AddEventHandler<ValidateEndSessionRequestContext>(handler =>
                handler.UseSingletonHandler<EndSessionRequestValidation>());
            server.AddEventHandler(KeycloakDiscoveryEndpoints.Descriptor);
            server.AddEventHandler(KeycloakTokenShape.Descriptor);
            server.AddEventHandler(RefreshTokensForUsers.Descriptor);

            // Keycloak's start-dev serves plain http on loopback; so does this provider.
            server.UseAspNetCore()
                .DisableTransportSecurityRequirement()
                .EnableAuthorizationEndpointPassthrough()
                .EnableTokenEndpointPassthrough()
                .EnableUserInfoEndpointPassthrough()
                .EnableEndSessionEndpointPassthrough();
        });

        builder.Services.AddOptions<OpenIddictServerOptions>()
            .Configure<IOptions<IdentityProviderOptions>, RealmDirectory, ILoggerFactory>(
                ConfigureFromRealm);

        return builder;
    }

    private static RealmDirectory LoadRealm(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<IdentityProviderOptions>>().Value;
        var realm = services.GetRequiredService<RealmFileReader>().Read(options.RealmFile);
        var logger = services.GetRequiredService<ILoggerFactory>()
            .CreateLogger(typeof(RealmDirectory));
        Log.RealmLoaded(logger, realm.Name, options.RealmFile, realm.ClientCount, realm.UserCount);
        return realm;
    }

    private static void ConfigureFromRealm(
        OpenIddictServerOptions server,
        IOptions<IdentityProviderOptions> provider,
        RealmDirectory realm,
        ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger(typeof(PemKeyFile));
        server.Issuer = new Uri(provider.Value.Issuer, UriKind.Absolute);
        server.AccessTokenLifetime = realm.AccessTokenLifetime;
        server.AuthorizationCodeLifetime = KeycloakCodeLifetime;

        var signingKey = PemKeyFile.LoadOrCreate(provider.Value.SigningKeyPath, logger);
        server.SigningCredentials.Add(
            new SigningCredentials(signingKey, SecurityAlgorithms.RsaSha256));

        var encryptionKey = PemKeyFile.LoadOrCreate(provider.Value.EncryptionKeyPath, logger);
        server.EncryptionCredentials.Add(new EncryptingCredentials(
            encryptionKey, SecurityAlgorithms.RsaOAEP, SecurityAlgorithms.Aes256CbcHmacSha512));
    }
}
