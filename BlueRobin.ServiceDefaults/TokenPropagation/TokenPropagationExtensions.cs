using BlueRobin.ServiceDefaults.TokenPropagation;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http;
using Microsoft.Net.Http.Headers;

namespace Microsoft.Extensions.DependencyInjection;

public static class TokenPropagationExtensions
{
    /// <summary>
    /// Forwards the current caller's bearer token on this client's requests to the services
    /// listed in <c>TokenPropagation:Services</c>, and to no other host. The client follows no
    /// redirects, and a call made with no signed-in caller throws
    /// <see cref="MissingUserTokenException"/> instead of going out without a token.
    /// </summary>
    public static IHttpClientBuilder AddAccessTokenPropagation(this IHttpClientBuilder builder)
    {
        builder.Services.AddTokenPropagationOptions();
        builder.Services.AddHttpContextAccessor();
        builder.Services.TryAddTransient<AccessTokenPropagationHandler>();

        // First in the chain, ahead of resilience and service discovery: the latter rewrites
        // the request URI to the resolved host and port, and the decision needs the name.
        builder.ConfigureAdditionalHttpMessageHandlers((handlers, services) =>
            handlers.Insert(0, services.GetRequiredService<AccessTokenPropagationHandler>()));

        // A redirect could lead anywhere; the caller sees the 3xx instead of the client
        // following it with the user's credentials.
        builder.ConfigurePrimaryHttpMessageHandler((primary, _) => RefuseRedirects(primary));

        // IHttpClientFactory's trace logs list request headers; keep any earlier redaction.
        builder.Services.Configure<HttpClientFactoryOptions>(builder.Name, options =>
        {
            var redactedBefore = options.ShouldRedactHeaderValue;
            options.ShouldRedactHeaderValue = header =>
                string.Equals(header, HeaderNames.Authorization, StringComparison.OrdinalIgnoreCase)
                || redactedBefore(header);
        });

        return builder;
    }

    /// <summary>Binds and validates <see cref="TokenPropagationOptions"/> once.</summary>
    public static IServiceCollection AddTokenPropagationOptions(this IServiceCollection services)
    {
        if (services.Any(service => service.ServiceType == typeof(TokenPropagationMarker)))
        {
            return services;
        }

        services.AddSingleton<TokenPropagationMarker>();
        services.AddOptions<TokenPropagationOptions>()
            .BindConfiguration(TokenPropagationOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(
                options => options.NamesOnlyServices(),
                "TokenPropagation:Services must hold logical service names such as "
                + "'ocr-worker', not addresses or URLs.")
            .ValidateOnStart();
        return services;
    }

    private static void RefuseRedirects(HttpMessageHandler primary)
    {
        switch (primary)
        {
            case SocketsHttpHandler sockets:
                sockets.AllowAutoRedirect = false;
                break;
            case HttpClientHandler client:
                client.AllowAutoRedirect = false;
                break;
            default:
                throw new InvalidOperationException(
                    $"Access-token propagation cannot turn off redirects on a primary handler "
                    + $"of type {primary.GetType().Name}; use SocketsHttpHandler or "
                    + "HttpClientHandler.");
        }
    }

    private sealed class TokenPropagationMarker;
}
